import { defineConfig } from 'wxt';
import { HOST_MATCHES, originPatterns } from './lib/sites/hosts';

// One React bundle for every extension page; the polyfill module pins the `browser` API path
// (webextension-polyfill) for Chrome and Firefox alike.
export default defineConfig({
  // COUNTERPART_OUT lets parallel builds (and their e2e runs) use separate folders.
  outDir: process.env.COUNTERPART_OUT ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Counterpart',
    description:
      'Drafts, classifications, reorder suggestions and listing checks inside Gorgias, Shopify admin, Amazon Seller Central and Loop Returns.',
    permissions: ['storage'],
    // The AI endpoint is asked for when the user saves it in the options page, never up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) listen on localhost; other endpoints
    // are requested when saved.
    host_permissions: [...HOST_MATCHES.all, 'http://localhost/*', 'http://127.0.0.1/*'],
    // The panel is framed only by the four apps' pages (match patterns here take origins only).
    web_accessible_resources: [{ resources: ['panel.html'], matches: originPatterns(HOST_MATCHES.all) }],
    action: { default_title: 'Counterpart: reorder view' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'counterpart@example.com', strict_min_version: '128.0' } } }
      : {}),
  }),
  webExt: { disabled: true },
});
