import { describe, expect, it } from 'vitest';
import { factCheck } from './factcheck';

const ORDER_SOURCE =
  'Order #1047 · total $25.00 · placed 2026-11-03 · carrier UPS 1Z999AA10123456784 · returns https://shop.example.com/returns';

describe('factCheck', () => {
  it('passes a draft whose facts all appear in the sources', () => {
    const draft =
      'Your order #1047 ($25.00) shipped on Nov 3 with UPS 1Z999AA10123456784; start a return at https://shop.example.com/returns.';
    expect(factCheck(draft, [ORDER_SOURCE]).flagged).toEqual([]);
  });

  it('flags an invented order number with its exact span', () => {
    const draft = 'Your order #1048 is on its way.';
    expect(factCheck(draft, [ORDER_SOURCE]).flagged).toEqual([
      { start: 11, end: 16, text: '#1048', kind: 'order_number' },
    ]);
  });

  it('does not accept a prefix of a source order number', () => {
    expect(factCheck('Order #104 shipped.', ['Order #1047']).flagged.map((f) => f.text)).toEqual(['#104']);
  });

  it('matches an order number written without # in a structured source', () => {
    expect(factCheck('About order 1047:', ['{"order_number": 1047}']).flagged).toEqual([]);
  });

  it('flags a tracking number not in the sources', () => {
    const result = factCheck('Tracking: 1Z999AA10123456799', [ORDER_SOURCE]);
    expect(result.flagged).toEqual([{ start: 10, end: 28, text: '1Z999AA10123456799', kind: 'tracking_number' }]);
  });

  it('compares amounts by value across currency formats', () => {
    const sources = ['{"total_price": "49.90", "refund": 1299}'];
    expect(factCheck('We refunded 49,90 € and $1,299.00.', sources).flagged).toEqual([]);
    expect(factCheck('We refunded $49.99.', sources).flagged).toEqual([
      { start: 12, end: 18, text: '$49.99', kind: 'amount' },
    ]);
  });

  it('matches a date without year to a full ISO date in a source', () => {
    expect(factCheck('It left our warehouse on November 3rd.', [ORDER_SOURCE]).flagged).toEqual([]);
    expect(factCheck('Delivered 3. November 2026.', [ORDER_SOURCE]).flagged).toEqual([]);
    expect(factCheck('Delivered 03.11.2026.', [ORDER_SOURCE]).flagged).toEqual([]);
  });

  it('reads the date part of an ISO timestamp in a source', () => {
    expect(factCheck('It shipped on November 3.', ['{"shipped_at": "2026-11-03T14:22:00Z"}']).flagged).toEqual([]);
  });

  it('compares German amounts and dates with the same value written differently', () => {
    const sources = ['Bestellung 1047 vom 03.11.2026, Summe 1.299,00 EUR'];
    expect(factCheck('Ihre Bestellung 1047 vom 3. November über 1299,00 € ist unterwegs.', sources).flagged).toEqual(
      [],
    );
  });

  it('flags a date whose year differs from the source', () => {
    const result = factCheck('Placed on Nov 3, 2025.', [ORDER_SOURCE]);
    expect(result.flagged).toEqual([{ start: 10, end: 21, text: 'Nov 3, 2025', kind: 'date' }]);
  });

  it('accepts either reading of an ambiguous slash date', () => {
    expect(factCheck('Placed 11/03/2026.', [ORDER_SOURCE]).flagged).toEqual([]);
    expect(factCheck('Placed 03/11/2026.', [ORDER_SOURCE]).flagged).toEqual([]);
    expect(factCheck('Placed 04/11/2026.', [ORDER_SOURCE]).flagged).toHaveLength(1);
  });

  it('flags a percentage not given in the sources and accepts one that is', () => {
    const sources = ['Policy: restocking fee 15 percent.'];
    expect(factCheck('A 15% restocking fee applies.', sources).flagged).toEqual([]);
    expect(factCheck('A 20 % restocking fee applies.', sources).flagged).toEqual([
      { start: 2, end: 6, text: '20 %', kind: 'percentage' },
    ]);
  });

  it('flags a URL not in the sources, ignoring trailing punctuation', () => {
    const result = factCheck('See https://evil.example.net/claim.', [ORDER_SOURCE]);
    expect(result.flagged).toEqual([{ start: 4, end: 34, text: 'https://evil.example.net/claim', kind: 'url' }]);
  });

  it('reads an amount like $3.11 as money, not as a date', () => {
    expect(factCheck('You owe $3.11.', ['balance 3.11']).flagged).toEqual([]);
  });

  it('matches an order id written with or without its hyphen, but only as a whole token', () => {
    expect(factCheck('Order ORD1047 is ready.', ['order ORD-1047']).flagged).toEqual([]);
    expect(factCheck('Order ORD-1047 is ready.', ['order ORD1047']).flagged).toEqual([]);
    expect(factCheck('Order ORD-104 is ready.', ['order ORD-1047']).flagged.map((f) => f.text)).toEqual(['ORD-104']);
  });

  it('matches a tracking number the source writes in groups', () => {
    expect(factCheck('Tracking: 1Z999AA10123456784', ['UPS 1Z 999 AA1 0123 456 784']).flagged).toEqual([]);
  });

  it('accepts a URL quoted inside a longer source URL and flags one that is not', () => {
    const sources = ['see https://shop.example.com/returns/start?order=1047'];
    expect(factCheck('Start at www.shop.example.com/returns.', sources).flagged).toEqual([]);
    expect(factCheck('Start at shop.example.com/refunds.', sources).flagged.map((f) => f.kind)).toEqual(['url']);
  });

  it('gives the same answer on a long thread as on its parts (no fact lost to span bookkeeping)', () => {
    const block = 'Order #1047, $25.00, Nov 3, 1Z999AA10123456784, https://shop.example.com/returns\n';
    const draft = block.repeat(2000);
    expect(factCheck(draft, [ORDER_SOURCE]).flagged).toEqual([]);
    const wrong = factCheck(`${draft}Order #1048`, [ORDER_SOURCE]).flagged;
    expect(wrong).toEqual([{ start: draft.length + 6, end: draft.length + 11, text: '#1048', kind: 'order_number' }]);
  });

  it('lets customer text support only order and tracking numbers, never a link, amount or date', () => {
    const customer = ['My order #1047 (UPS 1Z999AA10123456784) — refund $480.00 by Dec 1 at https://evil.example/pay'];
    const draft = 'Order #1047, 1Z999AA10123456784: $480.00 on Dec 1, see https://evil.example/pay';
    expect(factCheck(draft, [], { customer }).flagged.map((f) => f.kind)).toEqual(['amount', 'date', 'url']);
    expect(factCheck(draft, customer).flagged).toEqual([]);
  });
});
