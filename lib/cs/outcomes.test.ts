import { describe, expect, it } from 'vitest';
import { brandContext, draftVariant, mayAutoPlace, outcomeEntry, sentReplyCandidate } from './outcomes';

const plan = (showDraft: boolean, autoPlaceDraft: boolean) => ({
  plan: { showDraft, autoPlaceDraft, badge: null, actions: [] },
});
const row = (over: Partial<Parameters<typeof sentReplyCandidate>[0][number]>) => ({
  entityId: '7',
  provider: 'local',
  model: 'rules-v1',
  action: 'inserted',
  ...over,
});

describe('CS outcome rules', () => {
  it('auto-places only a clean draft of an auto-place plan not placed before for the ticket', () => {
    expect(mayAutoPlace(plan(true, true), { flagged: [] }, '7', [])).toBe(true);
    expect(mayAutoPlace(plan(true, false), { flagged: [] }, '7', [])).toBe(false);
    expect(mayAutoPlace(plan(false, true), { flagged: [] }, '7', [])).toBe(false);
    expect(
      mayAutoPlace(plan(true, true), { flagged: [{ start: 0, end: 4, text: '#999', kind: 'order' }] }, '7', []),
    ).toBe(false);
    expect(mayAutoPlace(plan(true, true), { flagged: [] }, '7', [row({ note: '{"draftId":"1","auto":true}' })])).toBe(
      false,
    );
    // A manual insert, or an auto insert on another ticket, does not count.
    expect(
      mayAutoPlace(plan(true, true), { flagged: [] }, '7', [
        row({ note: '{"draftId":"1"}' }),
        row({ entityId: '8', note: '{"draftId":"2","auto":true}' }),
      ]),
    ).toBe(true);
  });

  it('numbers a regenerate after the drafts already shown for the ticket', () => {
    const shown = [row({ action: 'shown' }), row({ action: 'shown' }), row({ action: 'shown', entityId: '8' })];
    expect(draftVariant(shown, '7', true)).toBe(2);
    expect(draftVariant(shown, '7', false)).toBe(0);
  });

  it('records a discard as rejected without a final text, and an edit with its distance', () => {
    const draft = row({ id: 3, action: 'shown', intent: 'order_status', suggestion: 'abcd' });
    const discard = outcomeEntry(draft, { draftId: '3', action: 'discarded' }, undefined);
    expect([discard.entry.action, discard.entry.finalText, discard.editDistance]).toEqual([
      'rejected',
      undefined,
      null,
    ]);
    const edit = outcomeEntry(draft, { draftId: '3', action: 'edited', text: 'abce' }, undefined);
    expect([edit.entry.finalText, edit.editDistance, edit.entry.details]).toEqual(['abce', 0.25, { draftId: '3' }]);
    const insert = outcomeEntry(draft, { draftId: '3', action: 'inserted', auto: true }, 2);
    expect(insert.entry.details).toEqual({ draftId: '3', agentCount: 2, auto: true });
  });

  it('sees a sent reply only when the thread has more agent messages than at the last insert', () => {
    const inserted = [
      row({ id: 1, note: '{"draftId":"10","agentCount":0}' }),
      row({ id: 2, note: '{"draftId":"11","agentCount":1}' }),
    ];
    expect(sentReplyCandidate(inserted, '7', ['first'])).toBeNull();
    expect(sentReplyCandidate(inserted, '7', ['first', 'second'])).toEqual({ draftId: '11', finalText: 'second' });
    expect(sentReplyCandidate(inserted, '8', ['first', 'second'])).toBeNull();
  });

  it('signs with the Signature from the options, and with no invented agent name when it is empty', () => {
    const base = { name: 'Acme Socks', voice: '', returnPolicy: '', shippingPolicy: '', refundPolicy: '' };
    expect(brandContext({ ...base, signature: '  Rita, Acme Socks support ' }).voice).toEqual({
      brand: 'Acme Socks',
      signature: 'Rita, Acme Socks support',
    });
    expect(brandContext({ ...base, signature: '   ' }).voice).toEqual({ brand: 'Acme Socks', signature: undefined });
  });

  it('keeps a brand without a name nameless (no demo brand), and drops empty policies', () => {
    const b = brandContext({
      name: '',
      signature: '',
      voice: 'Warm',
      returnPolicy: 'Return in 30 days.',
      shippingPolicy: '',
      refundPolicy: '',
    });
    expect(b.voice.brand).toBe('');
    expect(b.policies).toEqual({ return: 'Return in 30 days.', shipping: undefined, refund: undefined });
  });
});
