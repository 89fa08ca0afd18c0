import { describe, expect, it } from 'vitest';
import type { AiProvider } from '../ai/types';
import { WISMO_TICKET } from './example-tickets';
import { DEMO_POLICIES } from './policy';
import { localCsEngine } from './service';
import { DEFAULT_CS_SETTINGS } from './settings';
import { DEFAULT_VOICE } from './templates';
import { type CsPorts, type StoredAnalysis, ticketAnalysis } from './ticket-flow';

/** Ports whose provider is a (fake) remote model answering `intent`; shadow rows are kept. */
function portsWithModel(intent: string, providerId = 'openai') {
  const engine = localCsEngine();
  const shadow: Array<{ ticketId: string; localIntent: string; modelIntent: string; provider: string }> = [];
  let stored: StoredAnalysis | null = null;
  const provider: AiProvider = {
    id: providerId,
    model: 'test-model',
    classify: async () => ({
      value: { labels: [{ label: intent, confidence: 0.9 }] },
      meta: { provider: providerId, model: 'test-model', operation: 'classify', durationMs: 1 },
      sources: [],
    }),
    extract: (r) => engine.extract(r),
    draft: (r) => engine.draft(r),
  };
  const ports: CsPorts = {
    settings: async () => DEFAULT_CS_SETTINGS,
    brand: async () => ({ policies: DEMO_POLICIES, voice: DEFAULT_VOICE, voiceText: '' }),
    provider: async () => provider,
    pastReplies: async () => [],
    auditRows: async () => [],
    auditRow: async () => undefined,
    record: async () => 1,
    readAnalysis: async () => stored,
    writeAnalysis: async (v) => {
      stored = v;
    },
    recordShadow: async (row) => {
      shadow.push(row);
    },
  };
  return { ports, shadow };
}

describe('shadow comparison (issue 15)', () => {
  it('keeps the local answer beside the model answer when a model classified the ticket', async () => {
    const { ports, shadow } = portsWithModel('delivery_late');
    const { analysis } = await ticketAnalysis(ports, { ticketId: '4101', ticket: WISMO_TICKET });
    expect(analysis.intent).toBe('delivery_late');
    expect(analysis.local?.intent).toBe('order_status');
    expect(shadow).toEqual([
      { ticketId: '4101', localIntent: 'order_status', modelIntent: 'delivery_late', provider: 'openai' },
    ]);
    // The model and the local engine disagree: never autonomous.
    expect(analysis.tier).not.toBe('autonomous');
  });

  it('keeps nothing when the local engine itself answered', async () => {
    const { ports, shadow } = portsWithModel('order_status', 'local');
    await ticketAnalysis(ports, { ticketId: '4101', ticket: WISMO_TICKET });
    expect(shadow).toEqual([]);
  });
});
