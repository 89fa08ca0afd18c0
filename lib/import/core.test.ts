import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shopifyOrders, suppliers, tplOnHand } from '../planning/import/sources';
import {
  dateOrderReadings,
  importStream,
  importText,
  normalizeHeader,
  parseDay,
  parseNumber,
  upsertById,
} from './core';
import { stableId } from './hash';

describe('header handling', () => {
  it('normalises header spelling so aliases match across exports', () => {
    expect(normalizeHeader('\uFEFFLineitem  SKU ')).toBe('lineitem sku');
    expect(normalizeHeader('lead_time-days')).toBe('lead time days');
  });

  it('finds the header below a title line and counts lines from the top of the file', () => {
    const text = '3PL stock report,,,\nsku,warehouse,on_hand,as_of\nA-1,NJ1,10,2026-11-26\nA-2,NJ1,x,2026-11-26\n';
    const r = importText(text, tplOnHand);
    expect(r.headerLine).toBe(2);
    expect(r.records.map((x) => x.sku)).toEqual(['A-1']);
    expect(r.rejected).toEqual([
      { line: 4, reason: 'on_hand: expected a whole number, got "x"', raw: ['A-2', 'NJ1', 'x', '2026-11-26'] },
    ]);
  });

  it('applies a user mapping for an unknown header and returns it to remember per source', () => {
    const text = 'Item code,Site,Units,Counted on\nA-1,NJ1,10,2026-11-26\n';
    const first = importText(text, tplOnHand);
    expect(first.fatal).toMatch(/no header row found|missing required/);
    const userMapping = { 'Item code': 'sku', Site: 'warehouse', Units: 'onHand', 'Counted on': 'asOf' };
    const r = importText(text, tplOnHand, { userMapping });
    expect(r.fatal).toBeNull();
    expect(r.records[0]).toMatchObject({ sku: 'A-1', location: 'NJ1', onHand: 10, asOf: '2026-11-26' });
    expect(r.userMapping).toEqual(userMapping);
    expect(r.mapping.sku).toBe('Item code');
  });

  it('refuses a file missing a required column and names it', () => {
    const r = importText('sku,warehouse,as_of\nA-1,NJ1,2026-11-26\n', tplOnHand);
    expect(r.fatal).toContain('onHand');
    expect(r.records).toEqual([]);
    expect(r.missingRequired).toEqual(['onHand']);
  });

  it('lists headers it does not know so the UI can offer to map them', () => {
    const r = importText('sku,supplier,lead_time_days,notes\nA,Lotus,30,rush\n', suppliers);
    expect(r.unmappedHeaders).toEqual(['notes']);
  });
});

describe('cell parsing', () => {
  it('reads the dates exports write', () => {
    expect(parseDay('2026-11-27 14:03:11 -0500')).toBe('2026-11-27');
    expect(parseDay('2026-11-27T23:59:00+00:00')).toBe('2026-11-27');
    expect(parseDay('11/27/2026')).toBe('2026-11-27');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
  });

  it('reads numbers with thousands separators and currency signs', () => {
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('$12')).toBe(12);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12,5')).toBe(12.5); // a decimal comma (issue 18: locale numbers)
  });
});

describe('idempotence', () => {
  it('gives the same id to the same natural key and a different one otherwise', () => {
    expect(stableId('s', 'a', 1)).toBe(stableId('s', 'a', 1));
    expect(stableId('s', 'a', 1)).not.toBe(stableId('s', 'a1'));
    expect(stableId('s', 'a', 1)).not.toBe(stableId('t', 'a', 1));
  });

  it('changes nothing when the same file is imported twice', () => {
    const text = 'sku,warehouse,on_hand,as_of\nA-1,NJ1,10,2026-11-26\nA-2,NJ1,4,2026-11-26\n';
    const store = new Map();
    expect(upsertById(store, importText(text, tplOnHand).records)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(upsertById(store, importText(text, tplOnHand).records)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(store.size).toBe(2);
    const corrected = text.replace('A-2,NJ1,4', 'A-2,NJ1,5');
    expect(upsertById(store, importText(corrected, tplOnHand).records)).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
  });
});

describe('streaming', () => {
  it('imports a stream in chunks and reports rows and bytes as it goes', async () => {
    const rows = ['sku,warehouse,on_hand,as_of'];
    for (let i = 0; i < 3000; i++) rows.push(`SKU-${i},NJ1,${i % 50},2026-11-26`);
    const text = `${rows.join('\n')}\n`;
    const progress: { rows: number; bytes: number }[] = [];
    const r = await importStream(Readable.from([text.slice(0, 20000), text.slice(20000)]), tplOnHand, {
      chunkSize: 16 * 1024,
      onProgress: (p) => progress.push({ rows: p.rows, bytes: p.bytes }),
    });
    expect(r.records).toHaveLength(3000);
    expect(r.rejected).toEqual([]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.rows).toBe(3001);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows);
  });
});

describe('files that must never be misread silently', () => {
  const orders = (lines: string[], d = ',') =>
    [['Name', 'Created at', 'Lineitem quantity', 'Lineitem price', 'Lineitem sku'].join(d), ...lines].join('\n');

  it('reads a semicolon-delimited orders file with decimal commas, and says which delimiter it used', () => {
    const r = importText(orders(['#1;2026-11-03;2;28,00;TEE', '#2;2026-11-04;1;1.299,00;COAT'], ';'), shopifyOrders);
    expect(r.fatal).toBeNull();
    expect(r.delimiter).toBe(';');
    expect(r.records.map((x) => [x.sku, x.qty, x.day])).toEqual([
      ['TEE', 2, '2026-11-03'],
      ['COAT', 1, '2026-11-04'],
    ]);
  });

  it('reads 03/11/2026 as 3 November when another date in the file is day-first, for every row', () => {
    const text = 'sku,warehouse,on_hand,as_of\nTEE,NJ1,120,03/11/2026\nHOOD,NJ1,40,25/11/2026\n';
    const r = importText(text, tplOnHand);
    expect(r.fatal).toBeNull();
    expect(r.records.map((x) => [x.sku, x.asOf])).toEqual([
      ['TEE', '2026-11-03'],
      ['HOOD', '2026-11-25'],
    ]);
    expect(r.dateOrder).toEqual({ order: 'dmy', decidedBy: 'file', evidence: '"25/11/2026" on line 3' });
  });

  it('asks when the file gives no evidence, and reads it in the order the user then chooses', () => {
    const text = 'sku,warehouse,on_hand,as_of\nTEE,NJ1,120,03/11/2026\nHOOD,NJ1,40,04/11/2026\n';
    const r = importText(text, tplOnHand);
    expect(r.records).toEqual([]);
    expect(r.needsDateOrder).toEqual({ examples: ['03/11/2026', '04/11/2026'] });
    expect(r.fatal).toMatch(/could be day\/month or month\/day.*Choose the order/);
    const chosen = importText(text, tplOnHand, { dateOrder: 'dmy' });
    expect(chosen.records.map((x) => x.asOf)).toEqual(['2026-11-03', '2026-11-04']);
    expect(chosen.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'user' });
  });

  it('rejects, by line, a date that contradicts the order the file has shown', () => {
    const text = 'sku,warehouse,on_hand,as_of\nTEE,NJ1,120,25/11/2026\nHOOD,NJ1,40,11/26/2026\n';
    const r = importText(text, tplOnHand);
    expect(r.records.map((x) => x.sku)).toEqual(['TEE']);
    expect(r.rejected[0]).toMatchObject({ line: 3 });
    expect(r.rejected[0]?.reason).toMatch(/"11\/26\/2026" is month-first, but the file's dates are day-first/);
  });

  it('keeps a Shopify order’s carried-forward rows in file order while the date order is undecided', () => {
    const text = orders(['#1,03/11/2026,2,28.00,TEE', '#1,,1,45.00,HOOD', '#2,25/11/2026,1,9.00,SOCK']);
    const r = importText(text, shopifyOrders);
    expect(r.fatal).toBeNull();
    expect(r.records.map((x) => [x.sku, x.day])).toEqual([
      ['TEE', '2026-11-03'],
      ['HOOD', '2026-11-03'],
      ['SOCK', '2026-11-25'],
    ]);
  });

  it('refuses a duplicated header instead of silently using the first column', () => {
    const r = importText('sku,warehouse,on_hand,as_of,On Hand\nTEE,NJ1,120,2026-11-26,0\n', tplOnHand);
    expect(r.records).toEqual([]);
    expect(r.fatal).toBe(
      '3PL on-hand: "on_hand" (column 3) and "On Hand" (column 5) both give onHand. Remove or rename one of them, or map it to "ignore", and import again',
    );
  });

  it('reads dotted day-first dates and never guesses an ambiguous slash date on its own', () => {
    expect(parseDay('03/11/2026')).toBeNull();
    expect(parseDay('03/11/2026', 'dmy')).toBe('2026-11-03');
    expect(parseDay('03/11/2026', 'mdy')).toBe('2026-03-11');
    const r = importText('sku,warehouse,on_hand,as_of\nTEE,NJ1,120,03.11.2026\n', tplOnHand);
    expect(r.records[0]?.asOf).toBe('2026-11-03');
  });
});

describe('locale numbers', () => {
  it('reads the ways spreadsheets in other locales write numbers', () => {
    expect(parseNumber('1.299,00')).toBe(1299);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('1\u00a0200')).toBe(1200);
    expect(parseNumber('7,80 €')).toBe(7.8);
    expect(parseNumber('27,90')).toBe(27.9);
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('1,299')).toBe(1299);
    expect(parseNumber('28.00 USD')).toBe(28);
    expect(parseNumber('12 pieces')).toBeNull();
  });
});

describe('dateOrderReadings', () => {
  it('words both readings of an ambiguous date for the question', () => {
    expect(dateOrderReadings('03/11/2026')).toEqual({ dmy: '3 Nov 2026', mdy: 'Mar 11, 2026' });
    expect(dateOrderReadings('12/01/26')).toEqual({ dmy: '12 Jan 2026', mdy: 'Dec 1, 2026' });
    expect(dateOrderReadings('13/11/2026')).toBeNull();
    expect(dateOrderReadings('2026-11-03')).toBeNull();
  });
});
