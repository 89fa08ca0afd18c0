import { describe, expect, it } from 'vitest';
import { createLocalEngine } from '../ai/local/engine';
import { WISMO_TICKET as wismo } from './example-tickets';
import { csLocalTasks } from './local-tasks';
import { DEMO_POLICIES } from './policy';
import { analyseTicket, type DraftAuditRow, draftStats, draftTicket } from './service';
import { csSettingsSchema, DEFAULT_CS_SETTINGS } from './settings';
import { DEFAULT_VOICE } from './templates';
import type { TicketInput } from './ticket';

const refund: TicketInput = {
  subject: 'Charged twice',
  messages: [{ from: 'customer', body: 'I was charged twice for order #1052, please refund the second charge.' }],
  orders: [{ number: '#1052', financial_status: 'Paid', line_items: [] }],
};

const engine = () => {
  const e = createLocalEngine();
  e.register(csLocalTasks());
  return e;
};

describe('CS service on the local engine', () => {
  it('classifies a WISMO ticket with an order and tracking as autonomous and drafts with order citations', async () => {
    const a = await analyseTicket(engine(), wismo, DEFAULT_CS_SETTINGS, DEMO_POLICIES);
    expect([a.intent, a.tier, a.involvesMoney, a.meta.provider]).toEqual([
      'order_status',
      'autonomous',
      false,
      'local',
    ]);
    const d = await draftTicket(engine(), wismo, a, {
      policies: DEMO_POLICIES,
      voice: DEFAULT_VOICE,
      voiceText: '',
      languagePolicy: 'ticket',
      pastReplies: [],
    });
    expect(d.text).toContain('1Z999AA10123456784');
    expect(d.citations.map((c) => c.label)).toEqual(expect.arrayContaining(['Order', 'Tracking number']));
    expect(d.flagged).toEqual([]);
  });

  it('keeps a double charge assisted with money involved', async () => {
    const a = await analyseTicket(engine(), refund, DEFAULT_CS_SETTINGS, DEMO_POLICIES);
    expect(a.involvesMoney).toBe(true);
    expect(a.tier).toBe('assisted');
  });

  it('shadow mode plans no visible draft', async () => {
    const a = await analyseTicket(engine(), wismo, { ...DEFAULT_CS_SETTINGS, rolloutMode: 'shadow' }, DEMO_POLICIES);
    expect(a.plan).toMatchObject({ showDraft: false, badge: 'shadow', autoPlaceDraft: false });
  });
});

describe('CS settings', () => {
  it('defaults to suggest mode at threshold 0.8', () => {
    expect([DEFAULT_CS_SETTINGS.rolloutMode, DEFAULT_CS_SETTINGS.threshold]).toEqual(['suggest', 0.8]);
  });
  it('rejects a money intent among the autonomous intents', () => {
    expect(csSettingsSchema.safeParse({ autonomousIntents: ['order_status', 'refund_status'] }).success).toBe(false);
  });
});

describe('draft statistics from the audit log', () => {
  const row = (id: number, action: string, extra: Partial<DraftAuditRow> = {}): DraftAuditRow => ({
    id,
    kind: 'cs.draft',
    action,
    entityId: 't',
    intent: 'order_status',
    ...extra,
  });
  it('counts sent-as-is, edited with distance and discarded per intent; pending drafts are not counted', () => {
    const rows: DraftAuditRow[] = [
      row(1, 'shown', { suggestion: 'Hello there, your order shipped.' }),
      row(2, 'inserted', { note: '{"draftId":"1"}', finalText: 'Hello there, your order shipped.' }),
      row(3, 'sent', { note: '{"draftId":"1"}', finalText: 'Hello there, your order shipped.' }),
      row(4, 'shown', { suggestion: 'Hello there, your order shipped.' }),
      row(5, 'sent', { note: '{"draftId":"4"}', finalText: 'Hello there, your order has shipped!' }),
      row(6, 'shown', { suggestion: 'abc' }),
      row(7, 'rejected', { note: '{"draftId":"6"}' }),
      row(8, 'shown', { suggestion: 'never acted on' }),
    ];
    const [s] = draftStats(rows);
    expect(s).toMatchObject({ intent: 'order_status', total: 3, accepted: 1, edited: 1, discarded: 1 });
    expect(s?.avgEditDistance).toBeGreaterThan(0);
  });
});
