// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csrfToken, readGorgiasApi, resetGorgiasApiCache, retryAfterMs } from './api-read';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
  resetGorgiasApiCache();
  document.head.innerHTML = '';
});

describe('Gorgias structured read, content side', () => {
  it('sends the headers the web app sends, one ticket and one customer request per view', async () => {
    document.head.innerHTML = '<script>window.CSRF_TOKEN = "tok-123456789";</script>';
    const fetch = vi.fn(async (url: string, _init?: RequestInit) =>
      url.includes('/tickets/') ? json({ id: 5, customer: { id: 8 } }) : json({ id: 8 }),
    );
    vi.stubGlobal('fetch', fetch);
    const first = await readGorgiasApi('5', document);
    expect(first).toEqual({ ticket: { id: 5, customer: { id: 8 } }, customer: { id: 8 } });
    await readGorgiasApi('5', document);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/tickets/5/', '/api/customers/8']);
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    expect(init.headers).toEqual({ 'X-Gorgias-User-Client': 'web', 'X-CSRF-Token': 'tok-123456789' });
    expect(init.method ?? 'GET').toBe('GET');
  });

  it('honours 429 with Retry-After: nothing is asked again before it passes', async () => {
    const fetch = vi.fn(async () => json({ error: 'slow down' }, 429, { 'Retry-After': '30' }));
    vi.stubGlobal('fetch', fetch);
    expect(await readGorgiasApi('6', document)).toBeNull();
    expect(await readGorgiasApi('6', document)).toBeNull();
    expect(await readGorgiasApi('7', document)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(retryAfterMs('30')).toBe(30_000);
    expect(retryAfterMs(null)).toBe(20_000);
  });

  it('takes a signed-out HTML answer as no data', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>login</html>', { headers: { 'Content-Type': 'text/html' } })),
    );
    expect(await readGorgiasApi('9', document)).toBeNull();
  });

  it('finds the CSRF token in a meta tag or an inline script', () => {
    document.head.innerHTML = '<meta name="csrf-token" content="meta-token-1">';
    expect(csrfToken(document)).toBe('meta-token-1');
    document.head.innerHTML = '';
    expect(csrfToken(document)).toBeNull();
  });
});
