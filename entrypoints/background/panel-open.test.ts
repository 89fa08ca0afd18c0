import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTRACT } from '../../lib/messaging/contract';
import { defineMessage } from '../../lib/messaging/define';
import { PANEL_FIRST_SLOTS, PANEL_FIRST_TYPES } from '../../lib/messaging/panel-first';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { exampleTicketSnapshot } from '../../lib/sites/example-snapshot';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { FIRST_QUESTIONS, firstQuestions, panelFirstAnswerHandler } from './panel-open';

const panel: Sender = { kind: 'panel', tabId: 3, app: 'gorgias' };
const analysis = { ticketId: '4101', ticketHash: 'h1' };
const draft = { ticketId: '4101', ticketHash: 'h1', mode: 'suggest', draft: null, autoPlace: false, logged: false };

// The real contract, with the cs answers cut down to what these fakes give.
const contract = {
  ...CONTRACT,
  'cs.analyseTicket': defineMessage({
    request: CONTRACT['cs.analyseTicket'].request,
    response: z.object({ ticketId: z.string(), ticketHash: z.string() }),
    senders: ['panel'],
  }),
  'cs.draftReply': defineMessage({
    request: CONTRACT['cs.draftReply'].request,
    response: z.object({ ticketId: z.string(), ticketHash: z.string(), logged: z.literal(false) }).loose(),
    senders: ['panel'],
  }),
};

/** Fake handlers that log the order they were asked in (a draft asked before its triage ended would show). */
function fakeHandlers(opts: { snapshot: SnapshotEnvelope | null; remote?: boolean; triage?: 'fails' | 'invalid' }) {
  const log: string[] = [];
  const handlers: Handlers = {
    'cs.analyseTicket': async () => {
      log.push('triage:start');
      await new Promise((r) => setTimeout(r, 5));
      log.push('triage:end');
      if (opts.triage === 'fails') throw new MessageError('not_found', 'Open a Gorgias ticket to see its triage.');
      return (opts.triage === 'invalid' ? { ticketId: 4101 } : analysis) as never;
    },
    'cs.draftReply': async ({ regenerate }) => {
      log.push(`draft:${regenerate}`);
      return draft as never;
    },
    'sites.fieldFixes': async () => {
      log.push('fixes');
      return { fixes: {}, pointed: {} };
    },
  };
  const reads: number[] = [];
  const first = panelFirstAnswerHandler(
    handlers,
    async (tabId) => {
      reads.push(tabId);
      return { snapshot: opts.snapshot, remote: opts.remote ?? false };
    },
    contract,
  );
  /** The panel asking for every slot at once, as its boot does. */
  const open = () => Promise.all(Array.from({ length: PANEL_FIRST_SLOTS }, (_, index) => first({ index }, panel)));
  return { log, reads, open };
}

describe('panel.firstAnswer: the answers to a page’s first questions, asked with the context', () => {
  it('answers a Gorgias ticket’s triage, then its local draft, from one plan, each checked by its own contract', async () => {
    const { log, reads, open } = fakeHandlers({ snapshot: exampleTicketSnapshot() });
    const slots = await open();
    expect(reads).toEqual([3]); // one plan for every slot
    expect(log).toEqual(['triage:start', 'triage:end', 'draft:false', 'fixes']);
    expect(slots.map((a) => a && [a.type, a.payload])).toEqual([
      ['cs.analyseTicket', {}],
      ['cs.draftReply', { regenerate: false }],
      ['sites.fieldFixes', {}],
      null,
    ]);
    expect(slots[1]?.answer).toEqual({ ok: true, data: draft });
    for (const slot of slots) expect(CONTRACT['panel.firstAnswer'].response.safeParse(slot).success).toBe(true);
    // Asked again (a context refetch): a new plan, asked anew.
    await open();
    expect(reads).toEqual([3, 3]);
  });

  it('does not draft ahead with a remote model (that draft streams over its port)', async () => {
    const { log, open } = fakeHandlers({ snapshot: exampleTicketSnapshot(), remote: true });
    const slots = await open();
    expect(slots.map((a) => a?.type ?? null)).toEqual(['cs.analyseTicket', 'sites.fieldFixes', null, null]);
    expect(log).not.toContain('draft:false');
  });

  it('gives no answers while the tab has no snapshot, and stops after a failed step', async () => {
    const waiting = fakeHandlers({ snapshot: null });
    expect(await waiting.open()).toEqual([null, null, null, null]);
    expect(waiting.log).toEqual([]);

    const failing = fakeHandlers({ snapshot: exampleTicketSnapshot(), triage: 'fails' });
    const slots = await failing.open();
    expect(slots[0]?.answer).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Open a Gorgias ticket to see its triage.' },
    });
    expect(slots[1]).toBeNull();
    expect(failing.log).not.toContain('draft:false');
  });

  it('turns an answer outside its message’s contract into an error, as the router does', async () => {
    const { open } = fakeHandlers({ snapshot: exampleTicketSnapshot(), triage: 'invalid' });
    const slots = await open();
    expect(slots[0]?.answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('asks ahead only first questions whose payloads their contracts accept, within the slots', () => {
    for (const [page, steps] of Object.entries(FIRST_QUESTIONS)) {
      const [app, kind] = page.split(':') as ['gorgias', 'ticket'];
      const planned = firstQuestions({
        snapshot: { app, page: kind, recognised: true, entityId: 'x' },
        remote: false,
      }).flat();
      expect(planned.length, page).toBeLessThanOrEqual(PANEL_FIRST_SLOTS);
      for (const q of steps.flat()) {
        expect(PANEL_FIRST_TYPES, page).toContain(q.type);
        expect(CONTRACT[q.type].request.safeParse(q.payload).success, `${page} ${q.type}`).toBe(true);
        expect(CONTRACT[q.type].senders, q.type).toContain('panel');
      }
    }
  });
});
