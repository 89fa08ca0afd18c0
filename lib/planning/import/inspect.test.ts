import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectHead, readHead } from './inspect';

const fixture = (f: string) =>
  readFileSync(path.join(__dirname, '../../../e2e/fixtures/planning', f), 'utf8').slice(0, 8000);

describe('inspectHead', () => {
  it.each([
    ['shopify-orders.csv', 'shopify-orders'],
    ['amazon-all-orders.txt', 'amazon-orders'],
    ['shopify-inventory.csv', 'shopify-inventory'],
    ['fba-inventory.txt', 'fba-inventory'],
    ['3pl-onhand.csv', '3pl-onhand'],
    ['suppliers.csv', 'suppliers'],
    ['calendar.csv', 'calendar'],
    ['budget.csv', 'budget'],
    ['bundles.csv', 'bundles'],
    ['shopify-products.csv', 'products'],
    ['calendar-collections.csv', 'calendar'],
  ])('recognises %s as %s by its columns and previews its first rows', (file, source) => {
    const ins = inspectHead(fixture(file));
    expect(ins.source).toBe(source);
    expect(ins.missingRequired).toEqual([]);
    expect(ins.rows.length).toBeGreaterThan(0);
  });

  it('asks for a mapping of unknown headers, and applies a remembered one', () => {
    const head = 'Item code,Maker,Lead days\nTEE-BLK-M,Lotus,30\n';
    const unknown = inspectHead(head, { source: 'suppliers' });
    expect(unknown.missingRequired).toEqual(['sku', 'supplier']);
    expect(unknown.unmappedHeaders).toEqual(['Item code', 'Maker', 'Lead days']);
    const mapped = inspectHead(head, {
      mappings: { suppliers: { 'Item code': 'sku', Maker: 'supplier', 'Lead days': 'leadTimeDays' } },
    });
    expect(mapped.source).toBe('suppliers');
    expect(mapped.missingRequired).toEqual([]);
    expect(mapped.mapping.supplier).toBe('Maker');
  });

  it('says so when nothing matches', () => {
    expect(inspectHead('a,b,c\n1,2,3\n').source).toBeNull();
  });
});

describe('inspecting a file as it is written', () => {
  it('decodes a Windows-1252, semicolon-separated head and previews it with its characters intact', async () => {
    const bytes = readFileSync(path.join(__dirname, '../../../e2e/fixtures/planning/suppliers-latin1.csv'));
    const head = await readHead(new Blob([bytes]));
    expect(head).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const ins = inspectHead(head.head, { delimiter: head.delimiter });
    expect(ins.source).toBe('suppliers');
    expect(ins.rows[0]).toEqual(['TEE-BLK-M', 'Société Lotus Habillement', '35', '6', '300', '24', '7,80', 'USD']);
  });
});
