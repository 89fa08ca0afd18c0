import { describe, expect, it } from 'vitest';
import { toEditorPage } from './amazon/to-listing';
import { checkPageData } from './data-schemas';
import { exampleTicketSnapshot } from './example-snapshot';
import { answeredMissing, checkFixValue, fieldFixesSchema, fixableMissing, withFieldFixes } from './field-fixes';
import { gorgiasTicketCase } from './gorgias/to-ticket';
import { loopReturnOf } from './loop/to-return-case';
import { createShopifyAdapter } from './shopify/adapter';
import { loadShopifyFixture } from './shopify/fixture-loader';
import { toProductRead } from './shopify/to-product';

const ticketData = (over: Record<string, unknown> = {}) => ({
  ticketId: '4101',
  subject: 'Where is my order?',
  channel: 'email',
  customer: { name: 'Ana', email: null, id: null },
  messages: [{ id: 'm1', from: 'customer', body: 'Where is it?', author: 'Ana', time: null }],
  tags: [],
  orders: [],
  partial: false,
  ui: 'v2',
  ...over,
});

const snapshot = (over: Record<string, unknown> = {}) =>
  checkPageData(
    exampleTicketSnapshot({
      data: ticketData(over),
      missing: ['Gorgias: order widget not found on ticket view', 'Gorgias: customer email not found on ticket view'],
    }),
  );

describe('field fixes', () => {
  it('lists the fixable fields the missing list names', () => {
    expect(fixableMissing(snapshot()).map((f) => f.field)).toEqual(['orderNumber', 'customerEmail']);
    expect(fixableMissing({ app: 'gorgias', page: 'ticket', missing: ['Gorgias: reply editor not found'] })).toEqual(
      [],
    );
  });

  it('lays typed values into the case the CS process works on and drops the answered misses', () => {
    const fixed = withFieldFixes(snapshot(), { orderNumber: '#1047', customerEmail: 'ana@example.com' });
    expect(fixed.missing).toEqual([]);
    const found = gorgiasTicketCase(fixed);
    expect(found?.ticket.orders).toEqual([
      { number: '#1047', financial_status: null, fulfillment_status: null, line_items: [] },
    ]);
    expect(found?.ticket.customer?.email).toBe('ana@example.com');
    // Without fixes, the case has no order.
    expect(gorgiasTicketCase(snapshot())?.ticket.orders).toEqual([]);
  });

  it('never overrides what the page showed', () => {
    const s = snapshot({ orders: [{ number: '#2000' }] });
    expect(gorgiasTicketCase(withFieldFixes(s, { orderNumber: '#1047' }))?.ticket.orders).toMatchObject([
      { number: '#2000' },
    ]);
  });

  it('lays a Loop reason and comment into the return data', () => {
    const loop = {
      ...snapshot(),
      app: 'loop' as const,
      page: 'return',
      data: {
        return_id: '77',
        order_number: null,
        created_at: null,
        order_created_at: null,
        delivered_at: null,
        customer: { email: null, name: null, country: null, orders_count: null, returns_count: null },
        items: [],
        selected_reason: null,
        comment: null,
        photos: [],
        requested_outcome: null,
        return_method: null,
        status: null,
      },
      missing: [
        'Loop: return reason of item 1 not found on return page',
        'Loop: customer comment not found on return page',
      ],
    };
    const fixed = withFieldFixes(loop, { reason: 'Too small', comment: 'Runs small' });
    expect(fixed.data).toMatchObject({ selected_reason: 'Too small', comment: 'Runs small' });
    expect(fixed.missing).toEqual([]);
  });

  it('rejects odd field names and empty values', () => {
    expect(fieldFixesSchema.safeParse({ 'order number': 'x' }).success).toBe(false);
    expect(fieldFixesSchema.safeParse({ orderNumber: '  ' }).success).toBe(false);
  });
});

describe('every missing field a process needs can be typed, checked by kind', () => {
  it('refuses a value of the wrong kind with a plain reason, and keeps the checked form', () => {
    expect(checkFixValue('email', 'ana at example')).toEqual({
      ok: false,
      error: 'Type an e-mail address, like name@example.com.',
    });
    expect(checkFixValue('money', '27,90 €')).toEqual({ ok: true, value: '27.9' });
    expect(checkFixValue('money', 'Price: $1,299.00')).toEqual({ ok: true, value: '1299' });
    expect(checkFixValue('money', 'twelve')).toMatchObject({ ok: false });
    expect(checkFixValue('money', '12 or 14')).toMatchObject({ ok: false });
    expect(checkFixValue('date', '3 Nov 2026')).toEqual({ ok: true, value: '2026-11-03' });
    expect(checkFixValue('date', '31/02/2026')).toMatchObject({ ok: false, error: expect.stringMatching(/date/) });
    expect(checkFixValue('count', '1.200')).toEqual({ ok: true, value: '1200' });
    expect(checkFixValue('count', '2.5')).toMatchObject({ ok: false, error: 'Type a whole number, like 12.' });
    expect(checkFixValue('channel', 'WhatsApp')).toEqual({ ok: true, value: 'whatsapp' });
    expect(checkFixValue('channel', 'pigeon')).toMatchObject({ ok: false });
    expect(checkFixValue('outcome', 'Store credit')).toEqual({ ok: true, value: 'store_credit' });
    expect(checkFixValue('list', ' summer,  tees ;sale ')).toEqual({ ok: true, value: 'summer, tees, sale' });
    expect(checkFixValue('text', '   ')).toMatchObject({ ok: false });
  });

  it('Gorgias: a typed channel reaches the triage case', () => {
    const s = checkPageData(
      exampleTicketSnapshot({
        data: ticketData({ channel: 'unknown' }),
        missing: ['Gorgias: channel not found on ticket view'],
      }),
    );
    expect(fixableMissing(s).map((f) => f.field)).toEqual(['channel']);
    const fixed = withFieldFixes(s, { channel: 'whatsapp' });
    expect(fixed.missing).toEqual([]);
    expect(gorgiasTicketCase(fixed)?.ticket.channel).not.toBe(gorgiasTicketCase(s)?.ticket.channel);
    // A value that is not a channel (say, pointed at the wrong text) is not used.
    expect(withFieldFixes(s, { channel: 'Order #1047' }).missing).toHaveLength(1);
  });

  it('Loop: an item price and delivery date reach the return case; a per-item value settles its own item only', () => {
    const item = (n: number) => ({
      sku: `SKU-${n}`,
      title: 'Tee',
      variant: null,
      price: null,
      currency: null,
      quantity: 1,
      category: null,
      final_sale: false,
      reason: null,
      comment: null,
      photos: [],
    });
    const loop = checkPageData({
      ...exampleTicketSnapshot(),
      app: 'loop',
      page: 'return',
      entityId: '77',
      data: {
        return_id: '77',
        order_number: '#1001',
        created_at: '2026-11-10',
        order_created_at: null,
        delivered_at: null,
        customer: { email: null, name: null, country: null, orders_count: null, returns_count: null },
        items: [item(1), item(2)],
        selected_reason: 'Too small',
        comment: 'Runs small',
        photos: [],
        requested_outcome: null,
        return_method: null,
        status: null,
      },
      missing: [
        'Loop: price of returned item 1 not found on return page',
        'Loop: price of returned item 2 not found on return page',
        'Loop: delivery date not found on return page',
      ],
    });
    const fields = fixableMissing(loop).map((f) => f.field);
    expect(fields).toEqual(['itemPrice', 'deliveredAt', 'orderDate']);
    // The order date alone is enough for the return window.
    const byOrderDate = loopReturnOf(withFieldFixes(loop, { orderDate: '2 Nov 2026' }));
    expect(byOrderDate?.case.order).toMatchObject({ created_at: '2026-11-02', delivered_at: null });
    const fixed = withFieldFixes(loop, { itemPrice: '68.00', deliveredAt: '2026-11-03' });
    const page = loopReturnOf(fixed);
    expect(page?.case.items.map((i) => i.price)).toEqual([68, null]);
    expect(page?.case.order?.delivered_at).toBe('2026-11-03');
    expect(fixed.missing).toEqual(['Loop: price of returned item 2 not found on return page']);
    expect(answeredMissing(loop, ['itemPrice'])).toEqual(['Loop: price of returned item 1 not found on return page']);
  });

  it('Shopify and Seller Central: vendor, price and quantity reach the listing check', () => {
    // The Japanese admin without a vendor field (e2e/fixtures/shopify/product-ja-no-vendor.html) names it as missing.
    const url = 'https://admin.shopify.com/store/demo-shop/products/8123456794';
    const { document } = loadShopifyFixture('product-ja-no-vendor.html', url);
    const checked = checkPageData(createShopifyAdapter().extract(document, new URL(url)));
    expect(fixableMissing(checked).map((f) => f.field)).toEqual(['vendor']);
    expect(toProductRead(checked)?.product.vendor ?? '').toBe('');
    const fixedProduct = withFieldFixes(checked, { vendor: 'Northwind' });
    expect(fixedProduct.missing).toEqual([]);
    expect(toProductRead(fixedProduct)?.product.vendor).toBe('Northwind');

    const offer = checkPageData({
      ...exampleTicketSnapshot(),
      app: 'amazon',
      page: 'listing-edit',
      entityId: 'TEE-CL-BLK-M',
      url: 'https://sellercentral.amazon.de/abis/listing/edit/offer?sku=TEE-CL-BLK-M',
      data: {
        marketplace: 'Northwind | Deutschland',
        marketplaceCode: null,
        marketplaceId: null,
        sku: 'TEE-CL-BLK-M',
        asin: null,
        productType: 'SHIRT',
        naming: 'new',
        fields: {},
        listing: { title: '' },
        alerts: [],
        status: null,
        tab: 'offer',
      },
      missing: [
        'Seller Central: price field not found on the offer tab',
        'Seller Central: quantity field not found on the offer tab',
      ],
    });
    expect(offer.recognised).toBe(true);
    const fixedOffer = withFieldFixes(offer, { price: '27.9', quantity: '12' });
    expect(fixedOffer.missing).toEqual([]);
    expect(toEditorPage(fixedOffer)).toMatchObject({ live: { price: 27.9 } });
    expect((fixedOffer.data as { quantity: number }).quantity).toBe(12);
  });
});
