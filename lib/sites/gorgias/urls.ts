/**
 * Gorgias URL detectors (reference host-pages.md §2.1). Tickets live at `/app/ticket/{id}`,
 * `/app/views/{viewId}/{id}` and, behind the RedirectDeprecatedTicketRoutes flag,
 * `/app/tickets/{viewId}/{id}`. Everything else under /app is a list, search, composer, print or
 * widget editor page: no ticket open.
 */

const TICKET_PATH = /^\/app\/(?:ticket|views\/\d+|tickets\/\d+)\/(\d+)\/?$/;

/** True for https://{account}.gorgias.com/app/... pages. */
export function isGorgiasApp(url: URL): boolean {
  return (
    url.protocol === 'https:' && /^[a-z0-9-]+\.gorgias\.com$/i.test(url.hostname) && /^\/app(?:\/|$)/.test(url.pathname)
  );
}

/** The ticket id of a ticket view URL, or null (lists, /app/ticket/new, print, edit-widgets, other hosts). */
export function ticketIdFromUrl(url: URL | string): string | null {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (!isGorgiasApp(u)) return null;
  return TICKET_PATH.exec(u.pathname)?.[1] ?? null;
}

/** True when a ticket is open (the panel has something to work on). */
export function isTicketView(url: URL | string): boolean {
  return ticketIdFromUrl(url) !== null;
}

/** Page kind for the snapshot envelope. */
export function pageKind(url: URL): 'ticket' | 'list' | 'customer' | 'unknown' {
  if (!isGorgiasApp(url)) return 'unknown';
  if (isTicketView(url)) return 'ticket';
  if (/^\/app\/customer\/\d+/.test(url.pathname)) return 'customer';
  if (/^\/app(?:\/views(?:\/\d+)?|\/tickets(?:\/\d+(?:\/[^/\d][^/]*)?)?|\/tickets\/search)?\/?$/.test(url.pathname))
    return 'list';
  return 'unknown';
}
