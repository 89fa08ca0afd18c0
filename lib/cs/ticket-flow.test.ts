import { describe, expect, it } from 'vitest';
import type { AiProvider } from '../ai/types';
import { WISMO_TICKET } from './example-tickets';
import type { CsAuditEntry, CsAuditRow } from './outcomes';
import { DEMO_POLICIES } from './policy';
import { localCsEngine } from './service';
import { DEFAULT_CS_SETTINGS } from './settings';
import { DEFAULT_VOICE } from './templates';
import {
  type CsPorts,
  captureSent,
  draftForCase,
  draftToShow,
  type KeptDraft,
  logShownDraft,
  recordOutcome,
  type StoredAnalysis,
  ticketAnalysis,
} from './ticket-flow';

const wismo = WISMO_TICKET;
const CASE = { ticketId: '4101', ticket: wismo };

/** In-memory ports that count classifications and keep the audit rows. */
function fakePorts(settings = DEFAULT_CS_SETTINGS) {
  const rows: Array<CsAuditRow & CsAuditEntry> = [];
  let stored: StoredAnalysis | null = null;
  const engine = localCsEngine();
  const counts = { classify: 0 };
  const provider: AiProvider = {
    id: engine.id,
    model: engine.model,
    classify: (r) => {
      counts.classify += 1;
      return engine.classify(r);
    },
    extract: (r) => engine.extract(r),
    draft: (r) => engine.draft(r),
  };
  const ports: CsPorts = {
    settings: async () => settings,
    brand: async () => ({ policies: DEMO_POLICIES, voice: DEFAULT_VOICE, voiceText: '' }),
    provider: async () => provider,
    pastReplies: async () => [],
    auditRows: async (action) => rows.filter((r) => r.action === action),
    auditRow: async (id) => rows.find((r) => r.id === id),
    record: async (entry: CsAuditEntry) => {
      const id = rows.length + 1;
      rows.push({ ...entry, id, note: JSON.stringify(entry.details) });
      return id;
    },
    readAnalysis: async () => stored,
    writeAnalysis: async (value) => {
      stored = value;
    },
  };
  return { ports, rows, counts };
}

/** The ports of a panel's tab, which keeps the draft its query made. */
function withKeptDraft(ports: CsPorts) {
  let kept: KeptDraft | null = null;
  return {
    ...ports,
    keptDraft: async () => kept,
    keepDraft: async (value: KeptDraft) => {
      kept = value;
    },
  };
}

/** A suggest-mode draft of the WISMO ticket, inserted by the agent. */
async function draftedAndInserted() {
  const { ports, rows } = fakePorts();
  const answer = await draftForCase(ports, CASE, false);
  const draft = rows[0];
  if (!draft || !answer.draft) throw new Error('no draft');
  await recordOutcome(ports, draft, { draftId: answer.draft.id, action: 'inserted' }, CASE);
  return { ports, rows, text: answer.draft.text };
}

describe('CS ticket flow', () => {
  it('drafts from the stored analysis without classifying the ticket a second time', async () => {
    const { ports, counts } = fakePorts();
    await ticketAnalysis(ports, CASE);
    const answer = await draftForCase(ports, CASE, false);
    expect(counts.classify).toBe(1);
    expect(answer.draft?.text).toContain('1Z999AA10123456784');
  });

  it('classifies again when the settings change', async () => {
    const { ports, counts } = fakePorts();
    await ticketAnalysis(ports, CASE);
    const other = fakePorts({ ...DEFAULT_CS_SETTINGS, threshold: 0.95 });
    await ticketAnalysis({ ...ports, settings: other.ports.settings }, CASE);
    expect(counts.classify).toBe(2);
  });

  it('logs a shadow-mode draft but returns none', async () => {
    const { ports, rows } = fakePorts({ ...DEFAULT_CS_SETTINGS, rolloutMode: 'shadow' });
    const answer = await draftForCase(ports, CASE, false);
    expect(answer.draft).toBeNull();
    expect(rows.map((r) => [r.action, r.details.shadow])).toEqual([['shown', true]]);
  });

  it('auto-places an autonomous draft once per ticket', async () => {
    const { ports } = fakePorts({ ...DEFAULT_CS_SETTINGS, rolloutMode: 'autonomous' });
    const first = await draftForCase(ports, CASE, false);
    expect(first.autoPlace).toBe(true);
    await recordOutcome(
      ports,
      { ...first, id: 1, entityId: '4101', provider: 'local', model: 'rules-v1', action: 'shown' },
      {
        draftId: first.draft?.id ?? '',
        action: 'inserted',
        auto: true,
      },
      CASE,
    );
    expect((await draftForCase(ports, CASE, true)).autoPlace).toBe(false);
  });

  it('records the reply sent after an insert once, with its edit distance from the draft', async () => {
    const { ports, rows, text } = await draftedAndInserted();
    const sentTicket = {
      ...CASE,
      ticket: { ...wismo, messages: [...wismo.messages, { from: 'agent' as const, body: text }] },
    };
    await captureSent(ports, sentTicket);
    await captureSent(ports, sentTicket);
    expect(rows.filter((r) => r.action === 'sent').map((r) => [r.finalText === text, r.editDistance])).toEqual([
      [true, 0],
    ]);
  });

  it('records nothing as sent while the thread has no new agent message', async () => {
    const { ports, rows } = await draftedAndInserted();
    await captureSent(ports, CASE);
    expect(rows.some((r) => r.action === 'sent')).toBe(false);
  });

  it('the draft query writes nothing to the log; the panel logs the draft it got once, which gives it its id', async () => {
    const { ports, rows } = fakePorts();
    const tab = withKeptDraft(ports);
    const answer = await draftToShow(tab, CASE);
    expect(rows).toEqual([]);
    expect(answer).toMatchObject({ logged: false, draft: { id: null } });
    expect(await logShownDraft(tab, 'another-content')).toBeNull();
    const id = await logShownDraft(tab, answer.ticketHash);
    expect(id).toBe('1');
    expect(await logShownDraft(tab, answer.ticketHash)).toBe('1');
    expect(rows.map((r) => [r.action, r.suggestion === answer.draft?.text])).toEqual([['shown', true]]);
  });

  it('logs a shadow-mode draft from the query too, though the panel is given none', async () => {
    const { ports, rows } = fakePorts({ ...DEFAULT_CS_SETTINGS, rolloutMode: 'shadow' });
    const tab = withKeptDraft(ports);
    const answer = await draftToShow(tab, CASE);
    expect(answer.draft).toBeNull();
    expect(await logShownDraft(tab, answer.ticketHash)).toBe('1');
    expect(rows.map((r) => [r.action, r.details.shadow])).toEqual([['shown', true]]);
  });
});
