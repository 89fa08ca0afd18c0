import { describe, expect, it } from 'vitest';
import { classifyReturn } from './classify';
import { DEFAULT_RETURNS_CONFIG, resolveReturnsConfig } from './config';
import { decideReturn, dispositionFor, isFraudCategory, isPersonalised, warehouseFor } from './decide';
import type { ReturnCase } from './schema';

const NOW = new Date('2026-11-20T12:00:00Z');

function kase(over: Partial<ReturnCase> = {}): ReturnCase {
  return {
    items: [
      { sku: 'TEE-BLK-M', title: 'Classic Tee', variant: 'Black / M', price: 45, quantity: 1, category: 'apparel' },
    ],
    selected_reason: 'Changed my mind',
    comment: 'Just not for me',
    photos: [],
    order: { number: '#1047', created_at: '2026-11-01T10:00:00Z', delivered_at: '2026-11-05T10:00:00Z', country: 'US' },
    customer: { email: 'a@example.com', orders_count: 3, returns_count: 0, country: 'US' },
    ...over,
  };
}

function decide(c: ReturnCase, config = DEFAULT_RETURNS_CONFIG) {
  return decideReturn(c, classifyReturn({ comment: c.comment, selectedReason: c.selected_reason }), config, NOW);
}

describe('decideReturn', () => {
  it('refunds an eligible change of mind by default and offers 10% bonus store credit', () => {
    const d = decide(kase());
    expect(d).toMatchObject({
      decision: 'refund',
      rule: 'default.refund',
      warehouse: 'US-East',
      disposition: 'restock',
    });
    expect(d.offers[0]).toMatchObject({ outcome: 'store_credit', amount: 49.5, bonusPct: 10 });
  });

  it('offers an exchange for a fit reason when the brand prefers exchanges', () => {
    const c = kase({ selected_reason: 'Size > Too small', comment: 'runs small' });
    expect(decide(c)).toMatchObject({ decision: 'exchange', rule: 'exchange.fit' });
    const noExchange = resolveReturnsConfig({ preferExchangeForFit: false });
    expect(decide(c, noExchange)).toMatchObject({ decision: 'refund', rule: 'default.refund' });
  });

  it('denies after 30 days from delivery (31 days here) and routes nowhere', () => {
    const c = kase({ order: { number: '#1', delivered_at: '2026-10-20T11:00:00Z', country: 'US' } });
    expect(decide(c)).toMatchObject({ decision: 'deny', rule: 'window.expired', warehouse: null });
    const inside = kase({ order: { number: '#1', delivered_at: '2026-10-22T12:00:00Z', country: 'US' } });
    expect(decide(inside).rule).toBe('default.refund');
  });

  it('measures the window to the day the customer asked, not the day the return is opened', () => {
    // Asked for 7 days after delivery; opened 60 days after delivery.
    const delivered = '2026-09-01T10:00:00Z';
    const opened = new Date('2026-10-31T10:00:00Z');
    const fit = kase({
      selected_reason: 'Size > Too small',
      comment: 'runs small',
      created_at: '2026-09-08T10:00:00Z',
      order: { number: '#1', delivered_at: delivered, country: 'US' },
    });
    const d = decideReturn(
      fit,
      classifyReturn({ comment: fit.comment, selectedReason: fit.selected_reason }),
      DEFAULT_RETURNS_CONFIG,
      opened,
    );
    expect(d).toMatchObject({ decision: 'exchange', rule: 'exchange.fit' });
    expect(d.window).toEqual({
      from: '2026-09-01T10:00:00.000Z',
      fromSource: 'delivered',
      to: '2026-09-08T10:00:00.000Z',
      toSource: 'requested',
      days: 7,
    });
    // The same return with no request time falls back to `now` and says so.
    const undated = decideReturn(
      { ...fit, created_at: null },
      classifyReturn({ comment: fit.comment, selectedReason: fit.selected_reason }),
      DEFAULT_RETURNS_CONFIG,
      opened,
    );
    expect(undated).toMatchObject({ rule: 'window.expired', window: { toSource: 'now', days: 60 } });
  });

  it('starts the window at the order date when delivery is unknown, and asked late is still late', () => {
    const c = kase({
      created_at: '2026-11-12T09:00:00Z',
      order: { number: '#1', created_at: '2026-10-10T09:00:00Z', delivered_at: null, country: 'US' },
    });
    const d = decide(c);
    expect(d).toMatchObject({
      rule: 'window.expired',
      window: { fromSource: 'ordered', toSource: 'requested', days: 33 },
    });
    // An unreadable request time is treated as missing, not as "asked at the epoch".
    expect(decide({ ...c, created_at: 'yesterday' }).window.toSource).toBe('now');
  });

  it('refuses a final-sale item for change of mind but not when it is defective', () => {
    const items = [{ sku: 'X', title: 'Linen Shirt', price: 60, quantity: 1, final_sale: true }];
    expect(decide(kase({ items }))).toMatchObject({ decision: 'deny', rule: 'final_sale' });
    const defect = decide(kase({ items, comment: 'the seam ripped on first wear' }));
    expect(defect.rule).toBe('default.refund');
    expect(defect.flags).toContain('final_sale');
    expect(defect.disposition).toBe('inspection');
  });

  it('lets the customer keep an item under 15', () => {
    const c = kase({ items: [{ sku: 'SOCK', title: 'Socks', price: 14.99, quantity: 1 }] });
    expect(decide(c)).toMatchObject({ decision: 'keep_item', rule: 'keep_it.low_value', warehouse: null });
  });

  it('lets the customer keep an item when the 8 label is over half its value (15.50 → 7.75)', () => {
    const c = kase({ items: [{ sku: 'CAP', title: 'Cap', price: 15.5, quantity: 1 }] });
    expect(decide(c)).toMatchObject({ decision: 'keep_item', rule: 'keep_it.shipping_cost' });
    const dearer = kase({ items: [{ sku: 'CAP', title: 'Cap', price: 16, quantity: 1 }] });
    expect(decide(dearer).rule).toBe('default.refund');
  });

  it('sends returns worth 300 or more to a person (299.99 is fine)', () => {
    expect(decide(kase({ items: [{ sku: 'J', title: 'Jacket', price: 480, quantity: 1 }] }))).toMatchObject({
      decision: 'human_review',
      rule: 'human_review.high_value',
      warehouse: 'US-East',
    });
    expect(decide(kase({ items: [{ sku: 'J', title: 'Jacket', price: 150, quantity: 2 }] })).rule).toBe(
      'human_review.high_value',
    );
    expect(decide(kase({ items: [{ sku: 'J', title: 'Jacket', price: 299.99, quantity: 1 }] })).rule).toBe(
      'default.refund',
    );
  });

  it('lets human review win over final sale and keep-it, listing every matched rule', () => {
    const c = kase({
      items: [{ sku: 'R', title: 'Silver ring', price: 12, quantity: 1, category: 'Jewelry', final_sale: true }],
      comment: 'It gave me a rash on my finger',
      customer: { email: 'b@example.com', orders_count: 6, returns_count: 4, country: 'DE' },
    });
    const d = decide(c);
    expect(d.decision).toBe('human_review');
    expect(d.rule).toBe('human_review.health_safety');
    expect(d.humanReview).toEqual([
      'human_review.health_safety',
      'human_review.fraud_category',
      'human_review.serial_returner',
      'human_review.cross_border',
    ]);
    expect(d.warehouse).toBe('EU-Central');
  });

  it('treats 3 returns of 6 orders (50%) as not serial, 4 of 7 as serial, and needs 4 orders', () => {
    const at = (orders_count: number, returns_count: number) =>
      decide(kase({ customer: { orders_count, returns_count, country: 'US' } })).rule;
    expect(at(6, 3)).toBe('default.refund');
    expect(at(7, 4)).toBe('human_review.serial_returner');
    expect(at(3, 3)).toBe('default.refund');
  });

  it('uses what Counterpart has seen when it shows more returns than the page', () => {
    const c = kase({ history: { orders: 5, returns: 4 } });
    expect(decide(c).rule).toBe('human_review.serial_returner');
  });

  it('sends personalised items to a person, or refuses them when the brand says so', () => {
    const items = [{ sku: 'M', title: 'Leather wallet', variant: 'Monogrammed: JDS', price: 70, quantity: 1 }];
    expect(decide(kase({ items })).rule).toBe('human_review.personalised');
    const deny = resolveReturnsConfig({ personalisedOutcome: 'deny' });
    expect(decide(kase({ items }), deny)).toMatchObject({ decision: 'deny', rule: 'personalised' });
  });

  it('reviews a return whose photos show no damage when the comment claims damage', () => {
    const c = kase({
      comment: 'The box was crushed and the frame is bent',
      photos: ['https://example.com/p1.jpg'],
      photo_findings: ['no_issue_visible'],
    });
    expect(decide(c).rule).toBe('human_review.photo_text_mismatch');
    const agree = kase({ ...c, photo_findings: ['damaged_in_transit'] });
    expect(decide(agree).rule).not.toBe('human_review.photo_text_mismatch');
  });

  it('counts a fault named second in the comment, or only in the dropdown, against clean photos', () => {
    const second = kase({
      selected_reason: 'Size > Too small',
      comment: 'Runs small and the zipper broke',
      photo_findings: ['no_issue_visible'],
    });
    expect(decide(second).rule).toBe('human_review.photo_text_mismatch');
    const dropdownOnly = kase({
      selected_reason: 'Damaged/Defective',
      comment: '',
      photo_findings: ['no_issue_visible'],
    });
    expect(decide(dropdownOnly).rule).toBe('human_review.photo_text_mismatch');
    const fitPhotos = kase({
      selected_reason: 'Size > Too large',
      comment: 'too big',
      photo_findings: ['no_issue_visible'],
    });
    expect(decide(fitPhotos).rule).toBe('exchange.fit');
  });

  it('reviews photos showing a defect the comment never mentions', () => {
    const c = kase({ comment: 'Just not for me', photo_findings: ['defective'] });
    expect(decide(c).rule).toBe('human_review.photo_text_mismatch');
  });

  it('reviews cross-border returns (UK counts as GB) unless switched off', () => {
    const c = kase({ customer: { email: 'c@example.co.uk', country: 'UK' } });
    expect(decide(c)).toMatchObject({ rule: 'human_review.cross_border', warehouse: 'EU-Central' });
    expect(decide(c, resolveReturnsConfig({ crossBorderReview: false })).rule).toBe('default.refund');
  });

  it('honours the requested outcome for an eligible return', () => {
    expect(decide(kase({ requested_outcome: 'store_credit' }))).toMatchObject({
      decision: 'store_credit',
      rule: 'requested.store_credit',
    });
  });

  it('flags a missing window when no date is known', () => {
    expect(decide(kase({ order: null })).flags).toContain('window.unknown');
  });
});

describe('routing helpers', () => {
  it('routes by country with a default for the rest of the world', () => {
    expect(warehouseFor('CA', DEFAULT_RETURNS_CONFIG)).toBe('US-East');
    expect(warehouseFor('fr', DEFAULT_RETURNS_CONFIG)).toBe('EU-Central');
    expect(warehouseFor('AU', DEFAULT_RETURNS_CONFIG)).toBe('US-East');
    expect(warehouseFor(null, DEFAULT_RETURNS_CONFIG)).toBe('US-East');
  });

  it('sends defects to inspection and cheap poor quality to liquidation (under 40)', () => {
    expect(dispositionFor('defective', 100, DEFAULT_RETURNS_CONFIG)).toBe('inspection');
    expect(dispositionFor('poor_quality', 39, DEFAULT_RETURNS_CONFIG)).toBe('liquidation');
    expect(dispositionFor('poor_quality', 40, DEFAULT_RETURNS_CONFIG)).toBe('inspection');
    expect(dispositionFor('too_small', 40, DEFAULT_RETURNS_CONFIG)).toBe('restock');
  });

  it('detects personalisation and fraud-prone categories by word', () => {
    expect(isPersonalised({ title: 'Custom engraved bracelet' })).toBe(true);
    expect(isPersonalised({ title: 'Customer favourite tee' })).toBe(false);
    expect(isPersonalised({ title: 'Tote', variant: 'Initials: AB' }, ['initials'])).toBe(true);
    expect(isFraudCategory('Fine Jewelry', ['jewellery'])).toBe(true);
    expect(isFraudCategory('Apparel', ['jewellery', 'electronics'])).toBe(false);
  });
});
