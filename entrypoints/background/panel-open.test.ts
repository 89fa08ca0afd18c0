import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_AI_SETTINGS } from '../../lib/ai/settings';
import { CONTRACT } from '../../lib/messaging/contract';
import { defineMessage } from '../../lib/messaging/define';
import { PANEL_FIRST_TYPES } from '../../lib/messaging/panel-first';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { exampleTicketSnapshot } from '../../lib/sites/example-snapshot';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { FIRST_QUESTIONS, panelOpenHandler } from './panel-open';

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
    'panel.getContext': async () => ({
      app: 'gorgias',
      snapshot: opts.snapshot,
      manual: null,
      ai: {
        settings: opts.remote ? { ...DEFAULT_AI_SETTINGS, mode: 'remote' } : DEFAULT_AI_SETTINGS,
        hasKey: false,
        keyOrigin: null,
      },
      version: '0.1.0',
    }),
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
  return { log, open: panelOpenHandler(handlers, contract) };
}

describe('panel.open: the context with the first answers', () => {
  it('answers a Gorgias ticket’s triage, then its local draft, with the context, each checked by its own contract', async () => {
    const { log, open } = fakeHandlers({ snapshot: exampleTicketSnapshot() });
    const r = await open({}, panel);
    expect(r.context.snapshot?.entityId).toBe('4101');
    expect(log).toEqual(['triage:start', 'fixes', 'triage:end', 'draft:false']);
    expect(r.answers.map((a) => [a.type, a.payload])).toEqual([
      ['cs.analyseTicket', {}],
      ['sites.fieldFixes', {}],
      ['cs.draftReply', { regenerate: false }],
    ]);
    expect(r.answers[2]?.answer).toEqual({ ok: true, data: draft });
    expect(CONTRACT['panel.open'].response.safeParse(r).success).toBe(true);
  });

  it('does not draft ahead with a remote model (that draft streams over its port)', async () => {
    const { log, open } = fakeHandlers({ snapshot: exampleTicketSnapshot(), remote: true });
    const r = await open({}, panel);
    expect(r.answers.map((a) => a.type)).toEqual(['cs.analyseTicket', 'sites.fieldFixes']);
    expect(log).not.toContain('draft:false');
  });

  it('gives no answers while the tab has no snapshot, and stops after a failed step', async () => {
    const waiting = fakeHandlers({ snapshot: null });
    expect((await waiting.open({}, panel)).answers).toEqual([]);
    expect(waiting.log).toEqual([]);

    const failing = fakeHandlers({ snapshot: exampleTicketSnapshot(), triage: 'fails' });
    const r = await failing.open({}, panel);
    expect(r.answers[0]?.answer).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Open a Gorgias ticket to see its triage.' },
    });
    expect(failing.log).not.toContain('draft:false');
  });

  it('turns an answer outside its message’s contract into an error, as the router does', async () => {
    const { open } = fakeHandlers({ snapshot: exampleTicketSnapshot(), triage: 'invalid' });
    const r = await open({}, panel);
    expect(r.answers[0]?.answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('asks ahead only first questions whose payloads their contracts accept', () => {
    for (const [page, steps] of Object.entries(FIRST_QUESTIONS))
      for (const q of steps.flat()) {
        expect(PANEL_FIRST_TYPES, page).toContain(q.type);
        expect(CONTRACT[q.type].request.safeParse(q.payload).success, `${page} ${q.type}`).toBe(true);
        expect(CONTRACT[q.type].senders, q.type).toContain('panel');
      }
  });
});
