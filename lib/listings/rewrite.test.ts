import { describe, expect, it } from 'vitest';
import type { AiProvider, DraftRequest } from '../ai/types';
import { captureCanonical } from './capture';
import { DEMO_TEE } from './demo';
import { deriveListing } from './derive';
import {
  acceptRewrite,
  INVENTED_NUMBER_RULE,
  type ListingRewrite,
  rewriteEditorTitle,
  rewriteWithModel,
} from './rewrite';

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

describe('the editor’s rewrite for search (the shipped path)', () => {
  const page = {
    sku: 'TEE-CL-BLK-M',
    asin: 'B0CLTEE001',
    marketplace: 'Demo Store | United States',
    live: {
      title: 'Northwind Classic Tee 100% Cotton Crew Neck T-Shirt for Men & Women - Soft Breathable Everyday Top!',
      brand: 'Northwind',
      bullets: ['Soft combed cotton'],
      product_type: 'SHIRT',
      attributes: { marketplace: 'US' },
    },
    status: null,
  };
  const products = [
    captureCanonical(null, DEMO_TEE, { at: `${TODAY}T04:00:00.000Z`, source: 'test', shopifyStatus: null }).record,
  ];
  const ctx = { policy: 'amazon-2026-07', today: TODAY } as const;
  const model = (text: string, seen: DraftRequest[] = []): Pick<AiProvider, 'draft'> => ({
    draft: async (request) => {
      seen.push(request);
      const meta = { provider: 'openai', model: 'gpt-4o-mini', operation: 'draft' as const, durationMs: 5 };
      return { value: { text, facts: { flagged: [] } as never }, meta, sources: request.sources };
    },
  });

  it('is ready when the title passes the rules and states only numbers of its sources', async () => {
    const seen: DraftRequest[] = [];
    const r = await rewriteEditorTitle(
      model('"Northwind Classic Tee 100% Cotton Crew Neck T-Shirt, Black"', seen),
      page,
      products,
      ctx,
    );
    expect(r).toMatchObject({
      field: 'title',
      text: 'Northwind Classic Tee 100% Cotton Crew Neck T-Shirt, Black',
      ready: true,
    });
    expect(r.findings.every((f) => f.severity === 'recommendation')).toBe(true);
    expect(seen[0]?.instructions).toContain('at most 75 characters');
    expect(seen[0]?.sources.map((s) => s.id)).toEqual(['live', 'canonical']);
  });

  it('rejects a title that invents a number, whatever the rules say', async () => {
    const r = await rewriteEditorTitle(
      model('Northwind Classic Tee 220 gsm Cotton Crew Neck T-Shirt, Black'),
      page,
      products,
      ctx,
    );
    expect(r.ready).toBe(false);
    expect(r.findings[0]).toEqual({
      rule: INVENTED_NUMBER_RULE,
      field: 'title',
      severity: 'blocks_submission',
      message: 'rewrite states numbers not in the product: 220',
    });
  });

  it('still rejects a title that breaks a rule, naming the rule on the title', async () => {
    const r = await rewriteEditorTitle(model('Northwind Classic Tee T-Shirt - Free Shipping!'), page, products, ctx);
    expect(r.ready).toBe(false);
    expect(r.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining([expect.stringMatching(/AMZ-TITLE-CHAR-BANNED|AMZ-TITLE-PROMO/)]),
    );
    expect(r.findings.every((f) => f.field === 'title')).toBe(true);
  });
});
