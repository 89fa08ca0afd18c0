// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { analyseReturn } from '../../returns/analyse';
import { extract } from './extract';
import { loadLoopFixture } from './fixture-loader';
import { type LoopReturnData, loopReturnDataSchema } from './schema';
import { toReturnCase } from './to-return-case';

const NOW = new Date('2026-11-20T12:00:00Z');
const URL_OF = (id: string, variant?: 'a' | 'b') =>
  `https://admin.loopreturns.com/returns/${id}${variant ? `?variant=${variant}` : ''}`;

let open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});

function snap(url: string) {
  const w = loadLoopFixture(url);
  open.push(w);
  return { w, s: extract(w.document as unknown as Document, new URL(url), NOW) };
}

function dataOf(url: string): LoopReturnData {
  const { s } = snap(url);
  return loopReturnDataSchema.parse(s.data);
}

describe.each(['a', 'b'] as const)('Loop return page, markup variant %s', (variant) => {
  it('reads the fit return (two items, exchange requested) with nothing missing', () => {
    const { s } = snap(URL_OF('48213577', variant));
    expect(s).toMatchObject({ app: 'loop', page: 'return', entityId: '48213577', recognised: true, missing: [] });
    const d = loopReturnDataSchema.parse(s.data);
    expect(d).toMatchObject({
      order_number: '#1047',
      order_created_at: '2026-11-02',
      delivered_at: '2026-11-06',
      created_at: '2026-11-14',
      selected_reason: 'Size > Too small',
      requested_outcome: 'exchange',
      return_method: 'Pre-paid label (USPS)',
      status: 'Open',
      customer: {
        email: 'dana.whitfield@example.com',
        name: 'Dana Whitfield',
        country: 'US',
        orders_count: 3,
        returns_count: 1,
      },
    });
    expect(d.items).toHaveLength(2);
    expect(d.items[0]).toMatchObject({
      sku: 'TEE-CLS-BLK-M',
      title: 'Classic Tee',
      variant: 'Black / M',
      price: 25,
      currency: 'USD',
      quantity: 1,
      category: 'Apparel',
      final_sale: false,
      reason: { parent: 'Size', child: 'Too small' },
      photos: [],
    });
    expect(d.items[0]?.comment).toMatch(/^Way too tight across the chest/);
  });

  it('reads the defect comment behind "Changed my mind"', () => {
    const d = dataOf(URL_OF('48213578', variant));
    expect(d.selected_reason).toBe('Changed my mind');
    expect(d.items[0]?.reason).toEqual({ text: 'Changed my mind', parent: 'Changed my mind', child: null });
    expect(d.comment).toBe('the seam ripped on first wear');
  });

  it('keeps the two customer photos apart from the product thumbnail', () => {
    const d = dataOf(URL_OF('48213579', variant));
    expect(d.photos).toHaveLength(2);
    expect(d.photos.every((p) => p.startsWith('data:image/svg+xml,'))).toBe(true);
    expect(d.status).toBe('Needs Review');
  });

  it('reads the $480 jacket price and the final-sale tag', () => {
    expect(dataOf(URL_OF('48213580', variant)).items[0]?.price).toBe(480);
    expect(dataOf(URL_OF('48213581', variant)).items[0]?.final_sale).toBe(true);
    expect(dataOf(URL_OF('48213580', variant)).items[0]?.final_sale).toBe(false);
  });

  it('names the missing customer comment and still reads the rest', () => {
    const { s } = snap(URL_OF('48213582', variant));
    expect(s.missing).toEqual(['Loop: customer comment not found on return page']);
    expect(s.recognised).toBe(true);
    expect(loopReturnDataSchema.parse(s.data)).toMatchObject({ comment: null, requested_outcome: 'store_credit' });
  });
});

describe('Loop fixture decisions (what the panel shows)', () => {
  const decide = (id: string) => analyseReturn(toReturnCase(dataOf(URL_OF(id))), { now: NOW });

  it('exchanges the fit return, reviews the jacket, refuses the final-sale shirt', () => {
    expect(decide('48213577').decision).toMatchObject({
      decision: 'exchange',
      rule: 'exchange.fit',
      warehouse: 'US-East',
    });
    expect(decide('48213580').decision).toMatchObject({ decision: 'human_review', rule: 'human_review.high_value' });
    expect(decide('48213581').decision).toMatchObject({ decision: 'deny', rule: 'final_sale', warehouse: null });
  });

  it('finds the hidden defect with a mismatch and sends the damaged parcel to inspection', () => {
    const defect = decide('48213578');
    expect(defect.classification).toMatchObject({ reason: 'defective', mismatch: true });
    expect(defect.decision.disposition).toBe('inspection');
    const damaged = decide('48213579');
    expect(damaged.classification.reason).toBe('damaged_in_transit');
    expect(damaged.decision).toMatchObject({ decision: 'refund', rule: 'requested.refund', disposition: 'inspection' });
  });

  it.each(['a', 'b'] as const)(
    'exchanges a return asked for on day 7 however late it is opened (markup %s)',
    (variant) => {
      const c = toReturnCase(dataOf(URL_OF('48213583', variant)));
      expect(c.created_at).toBe('2026-10-14');
      for (const opened of ['2026-12-06T09:00:00Z', '2029-12-06T09:00:00Z']) {
        const a = analyseReturn(c, { now: new Date(opened) });
        expect(a.decision).toMatchObject({ decision: 'exchange', rule: 'exchange.fit' });
        expect(a.decision.window).toMatchObject({ fromSource: 'delivered', toSource: 'requested' });
        expect(Math.floor(a.decision.window.days ?? 0)).toBe(7);
      }
    },
  );

  it('falls back to the dropdown when the comment is missing', () => {
    const a = decide('48213582');
    expect(a.classification).toMatchObject({ reason: 'too_large', basis: 'dropdown' });
  });
});

describe('Loop extract on other pages', () => {
  it('re-extracts the next return after pushState navigation', () => {
    const { w } = snap(URL_OF('48213577'));
    (w.document.querySelector('a[rel="next"]') as unknown as HTMLElement).click();
    expect(w.location.pathname).toBe('/returns/48213578');
    const s = extract(w.document as unknown as Document, new URL(w.location.href), NOW);
    expect(s.entityId).toBe('48213578');
    expect(loopReturnDataSchema.parse(s.data).order_number).toBe('#1052');
  });

  it('treats the returns list as a list page with no data', () => {
    const { s } = snap('https://admin.loopreturns.com/returns');
    expect(s).toMatchObject({ page: 'list', entityId: null, recognised: false, missing: [], data: null });
  });

  it('reports every required part by name on an unrecognisable return page, without throwing', () => {
    document.body.innerHTML = '<div><p>Loading…</p></div>';
    const s = extract(document, new URL(URL_OF('999')), NOW);
    expect(s.recognised).toBe(false);
    expect(s.missing).toEqual([
      'Loop: Return Credits section (returned items) not found on return page',
      'Loop: order number not found on return page',
      'Loop: delivery date not found on return page',
      'Loop: customer email not found on return page',
      'Loop: requested outcome not found on return page',
      'Loop: return status not found on return page',
    ]);
  });
});
