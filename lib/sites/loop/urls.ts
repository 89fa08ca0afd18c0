/**
 * Loop Returns admin URL detectors (reference host-pages.md §5.1). A return's detail page is
 * `https://admin.loopreturns.com/returns/{returnId}` (numeric Loop return id, the RMA number; a
 * trailing slash, query or hash such as `?tab=history` keeps it the same return). The returns
 * dashboard `/returns` (tabs All / Open / Needs Review / …), `/settings/*` and the shopper portal
 * on merchant domains are not returns.
 */

const RETURN_PATH = /^\/returns\/(\d+)\/?$/;

/** True for https://admin.loopreturns.com pages. */
export function isLoopAdmin(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname.toLowerCase() === 'admin.loopreturns.com';
}

/** The return id of a return detail URL, or null (dashboard, settings, other hosts, sub-pages). */
export function returnIdFromUrl(url: URL | string): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!isLoopAdmin(u)) return null;
  return RETURN_PATH.exec(u.pathname)?.[1] ?? null;
}

/** True when a single return is open. */
export function isReturnView(url: URL | string): boolean {
  return returnIdFromUrl(url) !== null;
}

/** Page kind for the snapshot envelope. */
export function pageKind(url: URL): 'return' | 'list' | 'settings' | 'unknown' {
  if (!isLoopAdmin(url)) return 'unknown';
  if (isReturnView(url)) return 'return';
  if (/^\/returns\/?$/.test(url.pathname)) return 'list';
  if (/^\/settings(?:\/|$)/.test(url.pathname)) return 'settings';
  return 'unknown';
}
