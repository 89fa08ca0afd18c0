import { describe, expect, it } from 'vitest';
import { decodeBytes, detectDelimiter, detectEncoding, sniffBlob } from './sniff';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf16le = (s: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    out[(bom ? 2 : 0) + i * 2] = code & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = code >> 8;
  }
  return out;
};

describe('encoding detection', () => {
  const text = 'sku,name\nCRM-01,Crème brûlée Tasse\n';
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(detectEncoding(plain)).toEqual({ encoding: 'utf-8', bom: false });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeBytes(bom)).toEqual({ text, encoding: 'utf-8', bom: true });
  });

  it('reads a Windows-1252 / Latin-1 file without mangling its accents', () => {
    const decoded = decodeBytes(latin1(text));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(text);
    // Read as UTF-8 the same bytes would have become replacement characters.
    expect(new TextDecoder('utf-8').decode(latin1(text))).toContain('\uFFFD');
  });

  it('reads UTF-16 little-endian with and without BOM', () => {
    expect(decodeBytes(utf16le(text, true))).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeBytes(utf16le(text, false))).toEqual({ text, encoding: 'utf-16le', bom: false });
  });

  it('does not call a UTF-8 sample invalid because it was cut inside a character', () => {
    const bytes = new TextEncoder().encode('a,b\nx,é');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });

  it('sniffs a File: encoding, delimiter and the decoded head', async () => {
    const blob = new Blob([latin1('sku;name;qty\nA;Müsli;3\nB;Café;4\n')]);
    const s = await sniffBlob(blob);
    expect(s).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(s.head).toContain('Müsli');
  });
});

describe('delimiter detection', () => {
  it('tells comma, semicolon, tab and pipe apart', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n4\t5\t6\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n4|5|6\n')).toBe('|');
  });

  it('picks the semicolon of a European export whose prices carry decimal commas', () => {
    const head =
      'Name;Created at;Lineitem quantity;Lineitem price;Lineitem sku\n#1;2026-11-03;2;28,00;TEE\n#2;2026-11-04;1;1.299,00;COAT\n#3;2026-11-04;1;9;SOCK\n';
    expect(detectDelimiter(head)).toBe(';');
  });

  it('ignores delimiters inside quotes, and returns null for a one-column file', () => {
    expect(detectDelimiter('name,note\n"Smith; J",ok\n"Doe; A",ok\n')).toBe(',');
    expect(detectDelimiter('sku\nA\nB\n')).toBeNull();
  });
});
