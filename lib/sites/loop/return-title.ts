/** The return id in the page heading, for when the URL does not carry it. */
export const RETURN_TITLE = {
  selectors: ['h1', '[class*="lp-title"]', '[class*="page-title"]', 'title'],
  pattern: /\bReturn\s+#?\s*(\d{3,})\b/i,
} as const;
