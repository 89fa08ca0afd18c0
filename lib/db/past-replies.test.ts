import { describe, expect, it } from 'vitest';
import { importPastRepliesFile, loadPastReplies, savePastReplies } from './past-replies';
import { CounterpartDB } from './schema';

const reply = {
  id: '7',
  subject: 'Late',
  customerText: 'Where?',
  replyText: 'Here.',
  tags: ['wismo'],
  createdAt: null,
};

describe('past replies store', () => {
  it('overwrites a re-imported reply instead of duplicating it', async () => {
    const database = new CounterpartDB(`replies-${Math.random()}`);
    await savePastReplies(database, [reply]);
    await savePastReplies(database, [{ ...reply, replyText: 'Shipped.' }]);
    expect(await loadPastReplies(database)).toEqual([{ ...reply, replyText: 'Shipped.' }]);
  });

  it('reads a row restored from an older backup with missing fields', async () => {
    const database = new CounterpartDB(`replies-${Math.random()}`);
    await database.table('pastReplies').add({ id: 'gorgias:9', subject: 3 });
    expect(await loadPastReplies(database)).toEqual([
      { id: 'gorgias:9', subject: '3', customerText: '', replyText: '', tags: [], createdAt: null },
    ]);
  });
});

describe('past replies import', () => {
  it('stores the readable replies, logs the run and reports the rejected rows with their line', async () => {
    const database = new CounterpartDB(`replies-${Math.random()}`);
    const content = [
      'Ticket ID,Subject,Customer message,Agent reply,Tags',
      '101,Where is my order,"Hi, where is my order?",Your order shipped with UPS yesterday.,wismo',
      '103,No reply,"A question that was never answered",,',
    ].join('\n');
    const report = await importPastRepliesFile(
      database,
      { content, fileName: 'replies.csv' },
      '2026-11-27T10:00:00.000Z',
    );
    expect(report).toEqual({ imported: 1, total: 2, rejected: [{ line: 3, reason: 'no agent reply column/value' }] });
    expect((await loadPastReplies(database)).map((r) => r.id)).toEqual(['101']);
    const log = await database.imports.toArray();
    expect(log.map((l) => [l.source, l.fileName, l.rowsTotal, l.rowsAccepted, l.rowsRejected])).toEqual([
      ['cs.pastReplies', 'replies.csv', 2, 1, 1],
    ]);
  });
});
