import { describe, expect, it } from 'vitest';
import { createLocalEngine } from './local/engine';
import { AI_MESSAGES, DraftPortInSchema, DraftPortOutSchema } from './messages';
import { DEFAULT_AI_SETTINGS } from './settings';

describe('proposed AI message shapes', () => {
  it('carry a real local draft result on the draft port', async () => {
    const engine = createLocalEngine({ draft: { 'cs.reply': () => 'Refund of $9.00 sent.' } });
    const result = await engine.draft({ task: 'cs.reply', instructions: '', sources: [] });
    const message = DraftPortOutSchema.parse({ type: 'done', requestId: 'r1', result });
    expect(message.type === 'done' && message.result.value.facts.flagged[0]?.text).toBe('$9.00');
  });

  it('reject a draft start without sources and accept the default settings', () => {
    expect(DraftPortInSchema.safeParse({ type: 'start', requestId: 'r', task: 't', instructions: 'x' }).success).toBe(
      false,
    );
    expect(AI_MESSAGES['ai.saveSettings'].request.safeParse({ settings: DEFAULT_AI_SETTINGS }).success).toBe(true);
  });
});
