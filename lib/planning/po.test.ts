import { describe, expect, it } from 'vitest';
import { nextPoId, poSequence } from './po';

describe('PO ids', () => {
  it('numbers follow-up POs of a day after the base id', () => {
    expect(nextPoId('po:Acme:2026-11-27', new Set())).toBe('po:Acme:2026-11-27');
    expect(nextPoId('po:Acme:2026-11-27', new Set(['po:Acme:2026-11-27', 'po:Acme:2026-11-27:2']))).toBe(
      'po:Acme:2026-11-27:3',
    );
    expect(poSequence('po:Acme:2026-11-27')).toBe(1);
    expect(poSequence('po:Acme:2026-11-27:3')).toBe(3);
  });
});
