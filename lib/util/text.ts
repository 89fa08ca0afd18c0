/** Unicode-aware length: code points of the NFC form, as marketplaces count characters. */
export function charCount(s: string): number {
  return [...s.normalize('NFC')].length;
}

/** UTF-8 byte length, as Amazon counts search-term bytes. */
export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}
