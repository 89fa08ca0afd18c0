import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { REMOTE_PROVIDER_DATA } from './lib/ai/settings';
import { TOGGLE_PANEL_COMMAND, TOGGLE_PANEL_SHORTCUT } from './lib/sites/content/commands';
import { HOST_MATCHES, OPTIONAL_ENDPOINT_ORIGINS, PANEL_FRAME_ORIGINS } from './lib/sites/hosts';

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
    // `scripting`: "Point at it" injects a one-off picker into the app's tab when the user asks, and
    // reads a remembered field from it (entrypoints/background/picker.ts); only on the four apps' hosts.
    permissions: ['storage', 'alarms', 'scripting'],
    // Only the four apps at install. The AI endpoint is asked for when the user saves it in the
    // options page: any https origin, or a local server on localhost / 127.0.0.1 (never plain http
    // elsewhere; lib/ai/settings.ts endpointProblem). Firefox MV2 has no optional_host_permissions:
    // origins go in optional_permissions there.
    host_permissions: HOST_MATCHES.all,
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_ENDPOINT_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ENDPOINT_ORIGINS }),
    // The panel is framed only by the four apps' pages (match patterns here take origins only, so
    // the legacy `*.myshopify.com` admin is left out: it would let every storefront frame the panel).
    // Chrome: a per-session URL, so a page cannot probe for the extension by its id.
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: PANEL_FRAME_ORIGINS,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: 'Counterpart: reorder view' },
    // Opens and closes the panel from the keyboard (lib/sites/content/commands.ts: why Alt+Shift+K).
    commands: {
      [TOGGLE_PANEL_COMMAND]: {
        suggested_key: { default: TOGGLE_PANEL_SHORTCUT },
        description: 'Open or close the Counterpart panel',
      },
    },
    // Firefox 140 is the first with the built-in data-collection consent (and an ESR line).
    // Nothing is collected by us; the brand's data goes only to the AI provider the user configures,
    // so those categories are optional and asked for when a remote provider is saved
    // (components/options/AiProviderSection.tsx). Pinned in lib/manifest.test.ts.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpart@example.com',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'], optional: [...REMOTE_PROVIDER_DATA] },
            },
            // Firefox for Android has the consent from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
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
      // WXT's ContentScriptContext (location watcher, logger, a postMessage to the page) replaced
      // by the small one the content scripts use (lib/sites/content/context.ts: ~2 kB each).
      const context = fileURLToPath(new URL('./lib/sites/content/context.ts', import.meta.url));
      if (Array.isArray(alias)) {
        for (const a of alias) if (a.find === 'wxt/browser') a.replacement = native;
        alias.push({ find: 'wxt/utils/content-script-context', replacement: context });
      } else if (alias && typeof alias === 'object') {
        (alias as Record<string, string>)['wxt/browser'] = native;
        (alias as Record<string, string>)['wxt/utils/content-script-context'] = context;
      } else {
        viteConfig.resolve = { ...viteConfig.resolve, alias: { 'wxt/utils/content-script-context': context } };
      }
    },
  },
});
