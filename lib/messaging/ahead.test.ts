import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { exampleTicketSnapshot } from '../sites/example-snapshot';
import { dropAnswersAhead, openPanel } from './ahead';
import { call } from './client';

const context = { app: 'gorgias', snapshot: exampleTicketSnapshot(), manual: null, ai: {}, version: '0.1.0' };
const triage = { ticketId: '4101', ticketHash: 'h1' };

/** The background, answering `panel.open` when the test says so and anything else at once. */
function background() {
  const sent: string[] = [];
  let release = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    sent.push(message.type);
    if (message.type !== 'panel.open') return { ok: true, data: { asked: message.type } };
    await opened;
    return {
      ok: true,
      data: {
        context,
        answers: [
          { type: 'cs.analyseTicket', payload: {}, answer: { ok: true, data: triage } },
          { type: 'cs.draftReply', payload: { regenerate: false }, answer: { ok: true, data: { draft: 'ahead' } } },
        ],
      },
    };
  }) as never);
  return { sent, release };
}

describe('answers given ahead with the panel’s context', () => {
  afterEach(() => {
    dropAnswersAhead();
    vi.restoreAllMocks();
  });

  it('answers a first question from the open, once, without asking the background', async () => {
    const bg = background();
    const opened = openPanel();
    // Asked while the open is on its way: it waits for it instead of asking on its own.
    const early = call('cs.analyseTicket', {});
    bg.release();
    expect(await opened).toEqual({ ok: true, data: context });
    expect(await early).toEqual({ ok: true, data: triage });
    expect(await call('cs.draftReply', { regenerate: false })).toEqual({ ok: true, data: { draft: 'ahead' } });
    expect(bg.sent).toEqual(['panel.open']);
    // Used once: asked again, the background answers.
    expect(await call('cs.analyseTicket', {})).toEqual({ ok: true, data: { asked: 'cs.analyseTicket' } });
    // Another payload is another question.
    expect(await call('cs.draftReply', { regenerate: true })).toEqual({ ok: true, data: { asked: 'cs.draftReply' } });
    expect(bg.sent).toEqual(['panel.open', 'cs.analyseTicket', 'cs.draftReply']);
  });

  it('does not hold back other messages while an open is on its way', async () => {
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
    dropAnswersAhead(); // "your page changed" while the open was on its way
    bg.release();
    expect(await early).toEqual({ ok: true, data: { asked: 'cs.analyseTicket' } });
    expect(await call('cs.draftReply', { regenerate: false })).toEqual({ ok: true, data: { asked: 'cs.draftReply' } });
    expect(bg.sent).toEqual(['panel.open', 'cs.analyseTicket', 'cs.draftReply']);
  });
});
