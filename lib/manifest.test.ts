import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { TOGGLE_PANEL_COMMAND, TOGGLE_PANEL_SHORTCUT } from './sites/content/commands';
import { canFramePanel, HOST_MATCHES } from './sites/hosts';

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
      expect(m.permissions).toEqual(['storage', 'alarms']);
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
