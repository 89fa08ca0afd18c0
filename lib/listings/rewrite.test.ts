import { describe, expect, it } from 'vitest';
import type { AiProvider } from '../ai/types';
import { DEMO_TEE } from './demo';
import { deriveListing } from './derive';
import { acceptRewrite, type ListingRewrite, rewriteWithModel } from './rewrite';

const TODAY = '2026-11-27';
const derived = deriveListing('amazon', DEMO_TEE, { today: TODAY });
const fake = (value: unknown): Pick<AiProvider, 'extract'> => ({
  extract: async () => ({ value, meta: {} as never, sources: [] }) as never,
});

describe('model rewrite of a derived variant', () => {
  it('accepts a rewrite that passes the rules and states only known numbers', () => {
    const r = acceptRewrite(
      'amazon',
      derived,
      DEMO_TEE,
      { title: 'Northwind Classic Tee Crew Neck T-Shirt in Soft Combed Cotton' },
      TODAY,
    );
    expect(r).toMatchObject({ accepted: true });
    expect(r.variant.title).toBe('Northwind Classic Tee Crew Neck T-Shirt in Soft Combed Cotton');
  });
  it('rejects a rewrite that invents a number', () => {
    const r = acceptRewrite(
      'amazon',
      derived,
      DEMO_TEE,
      { title: 'Northwind Classic Tee T-Shirt, 220 gsm Cotton' },
      TODAY,
    );
    expect(r).toMatchObject({ accepted: false, reason: 'rewrite states numbers not in the product: 220' });
    expect(r.variant).toBe(derived.listing);
  });
  it('rejects a rewrite that breaks a rule', () => {
    const r = acceptRewrite(
      'amazon',
      derived,
      DEMO_TEE,
      { title: 'Northwind Classic Tee T-Shirt - Free Shipping!' },
      TODAY,
    );
    expect(r.accepted).toBe(false);
    expect(r.reason).toMatch(/AMZ-TITLE-CHAR-BANNED|AMZ-TITLE-PROMO/);
  });
  it('falls back to the deterministic variant when the model fails or answers off-schema', async () => {
    const failing: Pick<AiProvider, 'extract'> = { extract: async () => Promise.reject(new Error('no API key')) };
    expect(await rewriteWithModel(failing, 'amazon', derived, DEMO_TEE, { today: TODAY })).toMatchObject({
      accepted: false,
      reason: 'model rewrite unavailable: no API key',
    });
    expect(
      (await rewriteWithModel(fake({ headline: 'x' }), 'amazon', derived, DEMO_TEE, { today: TODAY })).accepted,
    ).toBe(false);
    const ok: ListingRewrite = { title: 'Northwind Classic Tee Crew Neck T-Shirt in Soft Combed Cotton' };
    expect((await rewriteWithModel(fake(ok), 'amazon', derived, DEMO_TEE, { today: TODAY })).accepted).toBe(true);
  });
});
