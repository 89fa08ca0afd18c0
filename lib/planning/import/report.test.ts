import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText, upsertById } from '../../import/core';
import { importReportSchema } from '../schemas';
import { toImportReport } from './report';
import { SOURCES } from './sources';

describe('import report', () => {
  it('counts rejected rows, exclusions and upserts for the broken fixture, in the message schema', () => {
    const text = readFileSync(
      new URL('../../../e2e/fixtures/planning/shopify-orders-broken.csv', import.meta.url),
      'utf8',
    );
    const result = importText(text, SOURCES['shopify-orders']);
    const store = new Map();
    const report = importReportSchema.parse(toImportReport(result, 'broken.csv', upsertById(store, result.records)));
    expect(report).toMatchObject({ source: 'shopify-orders', rowsRead: 19, records: 14, inserted: 14, updated: 0 });
    expect(report.rejected.map((r) => r.line)).toEqual([14, 15, 16, 17, 18]);
    // #9006 (voided) and #9007 (refunded) plus two cancelled orders among the real rows.
    expect(report.excluded).toEqual({ cancelled: 3, refunded: 1 });
    const again = toImportReport(result, 'broken.csv', upsertById(store, result.records));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 14 });
  });
});
