/**
 * What a file is before it is parsed: its text encoding and its delimiter. Real exports come as
 * UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), or Windows-1252 / Latin-1 (Excel on
 * Windows), separated by commas, semicolons (European Excel), tabs (Amazon reports) or pipes.
 * Detected once per file and shown to the user, never guessed row by row.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 / Latin-1',
};

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** Length of a UTF-8 sequence cut at the end of a sample (0 when the sample ends on a whole character). */
function cutTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Detects the encoding from the first bytes of a file (a sample of a few kB is enough): a BOM
 * decides; without one, NUL bytes in alternate positions mean UTF-16; bytes that are not valid
 * UTF-8 mean Windows-1252 (a superset of Latin-1's printable characters).
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(sample.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs >= 2 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return { encoding: 'utf-16le', bom: false };
  if (pairs >= 2 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return { encoding: 'utf-16be', bom: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - cutTail(sample)));
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Decodes a whole file's bytes with its detected encoding (the BOM is dropped). */
export function decodeBytes(bytes: Uint8Array): { text: string } & EncodingGuess {
  const guess = detectEncoding(bytes.subarray(0, 65_536));
  const start = guess.bom ? (guess.encoding === 'utf-8' ? 3 : 2) : 0;
  const text = new TextDecoder(guess.encoding).decode(bytes.subarray(start));
  return { text, ...guess };
}

/** Splits one line on `d` outside double quotes; returns the number of fields. */
function fieldCount(line: string, d: string): number {
  let count = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) count++;
  }
  return count;
}

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * Detects the delimiter from the head of a file: the candidate that splits the most lines into the
 * same number (≥ 2) of fields, preferring the one with more fields. Decimal commas in a semicolon
 * file ("28,00") vary from line to line, so they lose to the semicolon that is the same on every
 * line. Returns null when no candidate splits the lines (a one-column file).
 */
export function detectDelimiter(head: string, hint?: string): Delimiter | null {
  const lines = head
    .split(/\r?\n/)
    .slice(0, 40)
    .filter((l) => l.trim() !== '');
  // The last line of a head may be cut.
  if (lines.length > 2) lines.pop();
  if (lines.length === 0) return null;
  let best: { d: Delimiter; consistent: number; fields: number } | null = null;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => fieldCount(l, d));
    const modeCounts = new Map<number, number>();
    for (const c of counts) modeCounts.set(c, (modeCounts.get(c) ?? 0) + 1);
    let mode = 1;
    let modeN = 0;
    for (const [c, k] of modeCounts)
      if (c > 1 && (k > modeN || (k === modeN && c > mode))) {
        mode = c;
        modeN = k;
      }
    if (mode < 2) continue;
    const better =
      !best ||
      modeN > best.consistent ||
      (modeN === best.consistent && mode > best.fields) ||
      (modeN === best.consistent && mode === best.fields && d === hint);
    if (better) best = { d, consistent: modeN, fields: mode };
  }
  return best?.d ?? null;
}

/** Sniffs a File/Blob from its first 64 KiB: encoding (BOM dropped) and delimiter, plus the decoded head. */
export async function sniffBlob(
  blob: Blob,
  hint?: string,
): Promise<EncodingGuess & { delimiter: Delimiter | null; head: string }> {
  const sample = new Uint8Array(await blob.slice(0, 65_536).arrayBuffer());
  const guess = detectEncoding(sample);
  const start = guess.bom ? (guess.encoding === 'utf-8' ? 3 : 2) : 0;
  const head = new TextDecoder(guess.encoding).decode(sample.subarray(start));
  return { ...guess, delimiter: detectDelimiter(head, hint), head };
}
