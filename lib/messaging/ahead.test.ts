import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { exampleTicketSnapshot } from '../sites/example-snapshot';
import { dropAnswersAhead, openPanel } from './ahead';
import { call } from './client';

const context = { app: 'gorgias', snapshot: exampleTicketSnapshot(), manual: null, ai: {}, version: '0.1.0' };
const triage = { ticketId: '4101', ticketHash: 'h1' };

const slots = [
  { type: 'cs.analyseTicket', payload: {}, answer: { ok: true, data: triage } },
  { type: 'sites.fieldFixes', payload: {}, answer: { ok: true, data: { fixes: {}, pointed: {} } } },
  { type: 'cs.draftReply', payload: { regenerate: false }, answer: { ok: true, data: { draft: 'ahead' } } },
  null,
];

/** The background: the first answers when the test says so, anything else at once. */
function background() {
  const sent: string[] = [];
  let release = () => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: {
    type: string;
    payload: { index?: number };
  }) => {
    sent.push(message.type === 'panel.firstAnswer' ? `slot ${message.payload.index}` : message.type);
    if (message.type === 'panel.getContext') return { ok: true, data: context };
    if (message.type !== 'panel.firstAnswer') return { ok: true, data: { asked: message.type } };
    await answered;
    return { ok: true, data: slots[message.payload.index ?? 0] };
  }) as never);
  return { sent, release };
}

describe('answers given ahead with the panel’s context', () => {
  afterEach(() => {
    dropAnswersAhead();
    vi.restoreAllMocks();
  });

  it('answers a first question from its slot, once, without asking the background', async () => {
    const bg = background();
    const opened = openPanel();
    // Asked while the slots are on their way: it waits for its answer instead of asking on its own.
    const early = call('cs.analyseTicket', {});
    bg.release();
    expect(await opened).toEqual({ ok: true, data: context });
    expect(await early).toEqual({ ok: true, data: triage });
    expect(await call('cs.draftReply', { regenerate: false })).toEqual({ ok: true, data: { draft: 'ahead' } });
    expect(bg.sent).toEqual(['panel.getContext', 'slot 0', 'slot 1', 'slot 2', 'slot 3']);
    // Used once: asked again, the background answers.
    expect(await call('cs.analyseTicket', {})).toEqual({ ok: true, data: { asked: 'cs.analyseTicket' } });
    // Another payload is another question.
    expect(await call('cs.draftReply', { regenerate: true })).toEqual({ ok: true, data: { asked: 'cs.draftReply' } });
    expect(bg.sent.slice(5)).toEqual(['cs.analyseTicket', 'cs.draftReply']);
  });

  it('does not hold back other messages while the slots are on their way', async () => {
    const bg = background();
    void openPanel();
    expect(await call('cs.recordOutcome', { draftId: '1', action: 'copied', text: 'x' })).toEqual({
      ok: true,
      data: { asked: 'cs.recordOutcome' },
    });
    bg.release();
  });

  it('drops the answers when the page changes, also those still on their way', async () => {
    const bg = background();
    void openPanel();
    const early = call('cs.analyseTicket', {});
    dropAnswersAhead(); // "your page changed" while the slots were on their way
    bg.release();
    expect(await early).toEqual({ ok: true, data: { asked: 'cs.analyseTicket' } });
    expect(await call('cs.draftReply', { regenerate: false })).toEqual({ ok: true, data: { asked: 'cs.draftReply' } });
    expect(bg.sent.slice(5)).toEqual(['cs.analyseTicket', 'cs.draftReply']);
  });

  it('asks the background a first question no slot answered, once every slot is in', async () => {
    const bg = background();
    void openPanel();
    const other = call('listings.product', {});
    bg.release();
    expect(await other).toEqual({ ok: true, data: { asked: 'listings.product' } });
    expect(bg.sent.slice(5)).toEqual(['listings.product']);
  });
});
