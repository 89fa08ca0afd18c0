import { describe, expect, it } from 'vitest';
import { writeActionSchema } from './core';
import { parseWriteAction } from './write-guard';

const samples: unknown[] = [
  { action: 'insertReplyText', text: 'Hi Jane, your order #1047 shipped.' },
  { action: 'insertReplyText', text: '' },
  { action: 'fillField', field: 'item_name-0-value', value: 'Classic Tee' },
  { action: 'fillField', field: '', value: 'x' },
  { action: 'markFields', marks: [{ field: 'item_name', severity: 'blocks_submission', note: 'Too long' }] },
  { action: 'markFields', marks: [{ field: 'item_name', severity: 3, note: 'x' }] },
  { action: 'clearMarks' },
  { action: 'readField', field: 'brand-0-value' },
  { action: 'focusField', field: 'bullets[2]' },
  { action: 'focusField', field: '' },
  { action: 'submitForm' },
  { action: 'insertReplyText', text: 'x'.repeat(20_001) },
  null,
  'insertReplyText',
];

describe('parseWriteAction', () => {
  it('accepts exactly what the background’s zod schema accepts', () => {
    for (const sample of samples) {
      expect(parseWriteAction(sample) !== null, JSON.stringify(sample)?.slice(0, 80)).toBe(
        writeActionSchema.safeParse(sample).success,
      );
    }
  });
  it('never passes through an action the contract does not name', () => {
    expect(parseWriteAction({ action: 'submitForm', field: 'x' })).toBeNull();
  });
});
