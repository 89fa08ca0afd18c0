import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../util/text';
import { amazonTitleMax, defaultAmazonPolicy } from './policy';
import { chars, cutAtBytes, cutAtWord, findPhrases, htmlToText, listItems, phraseRegex, words } from './text';

describe('listing text measures', () => {
  it('counts code points after NFC and trimming, not UTF-16 units', () => {
    expect(chars('  Tee 😀 ')).toBe(5);
    expect('Tee 😀'.length).toBe(6);
    expect(chars('Cafe\u0301')).toBe(4);
  });
  it('splits words on the reference punctuation and keeps apostrophes', () => {
    expect(words("Men's Tee (Black)/Navy - 2-Pack")).toEqual(["men's", 'tee', 'black', 'navy', '2', 'pack']);
  });
  it('cuts at a word boundary without a dangling separator', () => {
    expect(cutAtWord('Northwind Classic Tee - Black Cotton', 23)).toBe('Northwind Classic Tee');
    expect(chars(cutAtWord('a'.repeat(100), 75))).toBe(75);
  });
  it('cuts search terms to a UTF-8 byte budget', () => {
    const s = 'tshirtä '.repeat(40);
    const cut = cutAtBytes(s, 199);
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(199);
    expect(utf8Bytes(cut)).toBeGreaterThan(190);
  });
  it('reduces HTML to text and reads list items', () => {
    expect(htmlToText('<p>Soft&nbsp;cotton</p><ul><li>Crew neck</li></ul>')).toBe('Soft cotton\nCrew neck');
    expect(listItems('<ul><li>A <b>b</b></li><li>C</li></ul>')).toEqual(['A b', 'C']);
  });
});

describe('Amazon title policy', () => {
  it('switches to amazon-2026-07 on 2026-07-27', () => {
    expect(defaultAmazonPolicy('2026-07-26')).toBe('amazon-2025-01');
    expect(defaultAmazonPolicy('2026-07-27')).toBe('amazon-2026-07');
  });
  it('keeps 200 characters for media and the excluded stores', () => {
    expect(amazonTitleMax('amazon-2026-07', 'SHIRT')).toBe(75);
    expect(amazonTitleMax('amazon-2026-07', 'ABIS_BOOK')).toBe(200);
    expect(amazonTitleMax('amazon-2026-07', 'SHIRT', 'AE')).toBe(200);
    expect(amazonTitleMax('amazon-2025-01', 'SHIRT')).toBe(200);
  });
});

describe('findPhrases skips texts that cannot hold a phrase', () => {
  const re = phraseRegex(['eco-friendly', 'free shipping', '100% original', 'kills 99.9%']);
  it('finds phrases next to punctuation, in any case, and in non-ASCII text', () => {
    expect(findPhrases('(ECO-FRIENDLY) dyes, Free\nShipping!', re)).toEqual(['eco-friendly', 'free shipping']);
    expect(findPhrases('100% original; kills 99.9% of odour', re)).toEqual(['100% original', 'kills 99.9%']);
    expect(findPhrases('Café crème, eco-friendly', re)).toEqual(['eco-friendly']);
  });
  it('finds nothing where the first word is only part of a longer word', () => {
    expect(findPhrases('non-ecofriendly, freeshipping, 1100% original', re)).toEqual([]);
    expect(findPhrases('', re)).toEqual([]);
  });
});
