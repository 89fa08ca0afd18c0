import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { HOST_MATCHES, originPatterns } from './lib/sites/hosts';

// One React bundle for every extension page; the polyfill module pins the `browser` API path
// (webextension-polyfill) for Chrome and Firefox alike.
const require = createRequire(import.meta.url);

export default defineConfig({
  // COUNTERPART_OUT lets parallel builds (and their e2e runs) use separate folders.
  outDir: process.env.COUNTERPART_OUT ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Counterpart',
    description:
      'Drafts, classifications, reorder suggestions and listing checks inside Gorgias, Shopify admin, Amazon Seller Central and Loop Returns.',
    // `alarms`: the daily retention run (lib/db/retention.ts); it shows no install warning.
    permissions: ['storage', 'alarms'],
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
  hooks: {
    // Content scripts use the browser's own promise-based namespace instead of the polyfill:
    // they must stay under 30 kB and the polyfill alone is 10 kB. Everything else (background,
    // panel, pages) keeps @wxt-dev/webextension-polyfill. The content-script code only uses
    // APIs that are promise-based natively in Chrome MV3 and Firefox (runtime.sendMessage,
    // storage.local, runtime.getURL) and answers messages with `sendResponse`.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = viteConfig.resolve?.alias;
      const native = require.resolve('wxt/browser');
      if (Array.isArray(alias)) {
        for (const a of alias) if (a.find === 'wxt/browser') a.replacement = native;
      } else if (alias && typeof alias === 'object') {
        (alias as Record<string, string>)['wxt/browser'] = native;
      }
    },
  },
});
