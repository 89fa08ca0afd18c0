import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { REMOTE_PROVIDER_DATA } from './ai/settings';
import { TOGGLE_PANEL_COMMAND, TOGGLE_PANEL_SHORTCUT } from './sites/content/commands';
import { canFramePanel, HOST_MATCHES } from './sites/hosts';

const root = path.resolve(__dirname, '..');

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  web_accessible_resources?: Array<{ resources: string[]; matches: string[]; use_dynamic_url?: boolean }>;
};

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const make = config.manifest as (env: Record<string, unknown>) => Manifest | Promise<Manifest>;
  return make({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
}

describe('manifest: keyboard command', () => {
  it('declares the open/close panel command with its shortcut, in Chrome and Firefox, and no permission for it', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = (await manifestFor(browser)) as Manifest & {
        commands?: Record<string, { suggested_key?: { default?: string } }>;
      };
      expect(m.commands?.[TOGGLE_PANEL_COMMAND]?.suggested_key?.default).toBe(TOGGLE_PANEL_SHORTCUT);
      expect(m.permissions).not.toContain('commands');
    }
  });
});

describe('manifest: least privilege', () => {
  it('grants only the four apps at install: no local hosts, no http', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = await manifestFor(browser);
      expect(m.host_permissions).toEqual(HOST_MATCHES.all);
      expect(m.host_permissions?.some((p) => p.startsWith('http:'))).toBe(false);
      // `scripting` only for the on-demand picker of a missing field (host permissions stay the four apps).
      expect(m.permissions).toEqual(['storage', 'alarms', 'scripting']);
    }
  });

  it('declares as optional only https endpoints and the two local hosts (never http://*/*)', async () => {
    const chrome = await manifestFor('chrome');
    expect(chrome.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    const firefox = await manifestFor('firefox');
    expect(firefox.optional_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('lets only the apps’ own hosts frame the panel, at a per-session URL in Chrome', async () => {
    const [war] = (await manifestFor('chrome')).web_accessible_resources ?? [];
    expect(war?.resources).toEqual(['panel.html']);
    expect(war?.use_dynamic_url).toBe(true);
    expect(war?.matches).toContain('https://admin.shopify.com/*');
    expect(war?.matches).toContain('https://admin.loopreturns.com/*');
    // Every Shopify storefront lives on *.myshopify.com: it must not be able to frame the panel.
    expect(war?.matches).not.toContain('https://*.myshopify.com/*');
    expect(war?.matches.every((p) => p.startsWith('https://'))).toBe(true);
    const [firefoxWar] = (await manifestFor('firefox')).web_accessible_resources ?? [];
    expect(firefoxWar?.use_dynamic_url).toBeUndefined();
  });
  it('the content script docks the panel only where it may be framed', () => {
    expect(canFramePanel('https://acme.gorgias.com/app/views/123/4101')).toBe(true);
    expect(canFramePanel('https://admin.shopify.com/store/demo-shop/products/1')).toBe(true);
    expect(canFramePanel('https://sellercentral.amazon.de/inventory')).toBe(true);
    expect(canFramePanel('https://admin.loopreturns.com/returns/1')).toBe(true);
    expect(canFramePanel('https://demo-shop.myshopify.com/admin/products/1')).toBe(false);
    expect(canFramePanel('https://evil.example/gorgias.com')).toBe(false);
  });
});

describe('manifest: Firefox', () => {
  const DATA_COLLECTION = {
    required: ['none'],
    optional: ['websiteContent', 'personalCommunications', 'personallyIdentifyingInfo', 'financialAndPaymentInfo'],
  };

  it('names the add-on and declares that only a configured AI provider receives data, as optional consent', async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings as { gecko: Record<string, unknown> };
    expect(gecko.gecko.id).toBe('counterpart@example.com');
    // 140: the first Firefox with the built-in data-collection consent the options page asks for.
    expect(gecko.gecko.strict_min_version).toBe('140.0');
    expect(gecko.gecko.data_collection_permissions).toEqual(DATA_COLLECTION);
    expect((gecko as Record<string, unknown>).gecko_android).toEqual({ strict_min_version: '142.0' });
    expect([...REMOTE_PROVIDER_DATA]).toEqual(DATA_COLLECTION.optional);
    expect((await manifestFor('chrome')).browser_specific_settings).toBeUndefined();
  });

  const BUILT = path.join(root, process.env.COUNTERPART_OUT ?? '.output', 'firefox-mv2', 'manifest.json');
  it.skipIf(!existsSync(BUILT))(
    `keeps the gecko id and data_collection_permissions in the built manifest${existsSync(BUILT) ? '' : ' (SKIPPED: run `npm run build:firefox`)'}`,
    () => {
      const built = JSON.parse(readFileSync(BUILT, 'utf8')) as {
        manifest_version: number;
        browser_specific_settings?: { gecko?: Record<string, unknown> };
        optional_permissions?: string[];
      };
      expect(built.manifest_version).toBe(2);
      expect(built.browser_specific_settings?.gecko?.id).toBe('counterpart@example.com');
      expect(built.browser_specific_settings?.gecko?.data_collection_permissions).toEqual(DATA_COLLECTION);
      // MV2 has no optional_host_permissions: the endpoints are optional permissions there.
      expect(built.optional_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    },
  );

  it('keeps the framed panel off the APIs Firefox leaves undefined there (storage.session, tabs, openOptionsPage)', () => {
    const offenders = panelFiles()
      .filter((file) => FIREFOX_FRAME_MISSING.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
    // The check can fail: the popup (not framed) opens tabs.
    expect(FIREFOX_FRAME_MISSING.test(readFileSync(path.join(root, 'components/popup/PopupApp.tsx'), 'utf8'))).toBe(
      true,
    );
  });
});

/** Uses of the APIs Firefox leaves undefined in an extension page framed by a web page. */
const FIREFOX_FRAME_MISSING = /\bstorage\.session\b|\.tabs\.[a-z]|\bopenOptionsPage\b/;

/** Code without its comments (a comment may name an API the code does not call). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every source file the panel page imports, following relative imports from its entrypoint. */
function panelFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), m[1] ?? '');
      const target = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ext) => base + ext)
        .find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
      if (target) visit(target);
    }
  };
  visit(path.join(root, 'entrypoints/panel/main.tsx'));
  return [...seen];
}
