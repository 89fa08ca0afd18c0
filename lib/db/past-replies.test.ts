import { describe, expect, it } from 'vitest';
import { loadPastReplies, savePastReplies } from './past-replies';
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
