import * as clock from '../../clock';

/**
 * The Gorgias structured read, content-script side: the app's own REST calls, same-origin with the
 * page's session, as the web app makes them (apps/helpdesk/src/models/api/resources.ts in
 * ines-parreira/prototypes: `X-CSRF-Token: window.CSRF_TOKEN`, `X-Gorgias-User-Client: web`, no
 * Authorization header). GET only, never a write. One read per ticket view: answers (and
 * failures) are cached per ticket id; a 429 is honoured with its `Retry-After` before anything is
 * asked again. The JSON is not trusted here: the background checks it against its schema (no zod
 * in content scripts) and the ticket id against the URL.
 */

export interface RawGorgiasRead {
  ticket: unknown;
  customer: unknown;
}

const cache = new Map<string, { at: number; value: Promise<RawGorgiasRead | null> }>();
let blockedUntil = 0;
/** How long an answer (or a failure) is reused for the same ticket: one request per view. */
export const CACHE_MS = 5 * 60_000;

/** The CSRF token the page boots with: `<meta name="csrf-token">` or the inline `window.CSRF_TOKEN = "…"` (the isolated world cannot read the global). */
export function csrfToken(doc: Document): string | null {
  const meta = doc.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  // The scripts' text only when the meta is absent: it holds the whole boot data on a big ticket.
  if (meta) return meta;
  const inline = /CSRF_TOKEN\s*=\s*["']([^"']{8,200})["']/.exec([...doc.scripts].map((s) => s.text).join('\n'));
  return inline?.[1] || null;
}

/** `Retry-After` seconds → milliseconds to wait, 1 s to 10 min (absent or an HTTP date: 20 s, Gorgias documents seconds). */
export function retryAfterMs(header: string | null): number {
  return Math.min(Math.max((Number(header) || 20) * 1000, 1000), 600_000);
}

async function getJson(path: string, doc: Document): Promise<unknown | null> {
  const token = csrfToken(doc);
  // fetch's default `credentials: 'same-origin'` sends the session cookie, as the app's axios does.
  const res = await fetch(path, {
    headers: {
      'X-Gorgias-User-Client': 'web',
      ...(token ? { 'X-CSRF-Token': token } : {}),
    },
  });
  if (res.status === 429) {
    const now = clock.now().getTime();
    blockedUntil = now + retryAfterMs(res.headers.get('Retry-After'));
    return null;
  }
  // A signed-out session answers with the login page: only JSON counts.
  if (!res.ok || !/json/i.test(res.headers.get('Content-Type') ?? '')) return null;
  return (await res.json()) as unknown;
}

/** The ticket and its customer as the app serves them, or null (no session, rate-limited, error). Never throws. */
export function readGorgiasApi(ticketId: string, doc: Document): Promise<RawGorgiasRead | null> {
  const now = clock.now().getTime();
  const hit = cache.get(ticketId);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  if (now < blockedUntil) return Promise.resolve(null);
  const value = (async () => {
    try {
      const ticket = await getJson(`/api/tickets/${ticketId}/`, doc);
      const customerId = (ticket as { customer?: { id?: unknown } } | null)?.customer?.id;
      if (!ticket) return null;
      return {
        ticket,
        customer: /^\d+$/.test(String(customerId)) ? await getJson(`/api/customers/${customerId}`, doc) : null,
      };
    } catch {
      return null;
    }
  })();
  cache.set(ticketId, { at: now, value });
  // A rate-limited read is not kept as a failure: it is asked again once Retry-After has passed.
  void value.then((v) => v === null && blockedUntil > now && cache.delete(ticketId));
  return value;
}

/** Test hook: forget every cached answer and back-off. */
export function resetGorgiasApiCache(): void {
  cache.clear();
  blockedUntil = 0;
}
