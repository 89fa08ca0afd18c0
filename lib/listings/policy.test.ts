import { describe, expect, it } from 'vitest';
import { resolvePolicy } from './policy';

const TODAY = '2026-11-27';

describe('title policy', () => {
  it('follows the date for auto and the setting otherwise', () => {
    expect(resolvePolicy('auto', '2026-07-26').policy).toBe('amazon-2025-01');
    expect(resolvePolicy('auto', '2026-07-27').policy).toBe('amazon-2026-07');
    expect(resolvePolicy('amazon-2025-01', TODAY)).toEqual({ policy: 'amazon-2025-01', auto: false });
  });
});
