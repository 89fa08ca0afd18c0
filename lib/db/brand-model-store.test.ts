import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addCorrection,
  brandIntentModel,
  importTaggedTickets,
  parseTaggedTickets,
  recordShadow,
  shadowAgreement,
} from './brand-model-store';
import { CounterpartDB } from './schema';

const AT = '2026-11-02T10:00:00.000Z';

describe('brand model store', () => {
  it('reads tagged tickets from CSV and JSON, mapping tags to our intents and rejecting the rest', () => {
    const csv = 'Message,Tags\n"Where is my parcel?",ORDER STATUS\n"Love the scarf",praise\n,refund\n';
    const { rows, rejected } = parseTaggedTickets(csv);
    expect(rows).toEqual([{ text: 'Where is my parcel?', label: 'order_status' }]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4]);
    const json = JSON.stringify([{ body: 'Please cancel order 1001', intent: 'cancel-order' }]);
    expect(parseTaggedTickets(json).rows).toEqual([{ text: 'Please cancel order 1001', label: 'cancel_order' }]);
  });

  it('imports into the brand examples with an import log entry, and corrections retrain the model', async () => {
    const database = new CounterpartDB(`brand-${Math.random()}`);
    const r = await importTaggedTickets(database, { content: 'text,intent\n"where is my order",order_status\n' }, AT);
    expect(r).toMatchObject({ imported: 1, total: 1 });
    expect(await database.imports.where('source').equals('cs.brandTickets').count()).toBe(1);
    const first = await brandIntentModel(database);
    await addCorrection(database, { kind: 'intent', text: 'my parcel is 4 days late', label: 'delivery_late' }, AT);
    const second = await brandIntentModel(database);
    expect(second).not.toBe(first);
    expect(await database.brandExamples.where('source').equals('correction').count()).toBe(1);
    database.close();
  });

  it('keeps one shadow answer per ticket and pair, and reports agreement per model intent', async () => {
    const database = new CounterpartDB(`shadow-${Math.random()}`);
    const row = { at: AT, ticketId: '1', localIntent: 'order_status', modelIntent: 'order_status', provider: 'openai' };
    await recordShadow(database, row);
    await recordShadow(database, row);
    await recordShadow(database, { ...row, ticketId: '2', localIntent: 'order_status', modelIntent: 'delivery_late' });
    await recordShadow(database, { ...row, ticketId: '3' });
    expect(await shadowAgreement(database)).toEqual([
      { intent: 'order_status', total: 2, agree: 2 },
      { intent: 'delivery_late', total: 1, agree: 0 },
    ]);
    database.close();
  });
});
