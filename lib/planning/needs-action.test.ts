import { describe, expect, it } from 'vitest';
import { byUrgency, lineVerdict, needsAction, panelStatus, type TriageLine } from './needs-action';

describe('needsAction', () => {
  it('needs action when there is an order or the stockout falls within the lead time', () => {
    expect(needsAction({ orderQty: 24, stockoutDate: null, leadTimeDays: 30 }, '2026-11-27')).toBe(true);
    expect(needsAction({ orderQty: 0, stockoutDate: '2026-12-10', leadTimeDays: 30 }, '2026-11-27')).toBe(true);
    expect(needsAction({ orderQty: 0, stockoutDate: '2027-03-01', leadTimeDays: 30 }, '2026-11-27')).toBe(false);
    expect(needsAction({ orderQty: null, stockoutDate: null, leadTimeDays: 30 }, '2026-11-27')).toBe(false);
    // A SKU that does not sell is not "running out" at zero stock.
    expect(
      needsAction({ orderQty: 0, stockoutDate: '2026-11-27', leadTimeDays: 30, action: 'no-demand' }, '2026-11-27'),
    ).toBe(false);
  });

  it('needs action when the line is blocked by a file that could not be read (fix it and import again)', () => {
    expect(needsAction({ orderQty: null, stockoutDate: null, leadTimeDays: 30, action: 'blocked' }, '2026-11-27')).toBe(
      true,
    );
  });
});

describe('triage', () => {
  const T = '2026-11-27';
  const line = (sku: string, over: Partial<TriageLine> = {}): TriageLine => ({
    sku,
    orderQty: 10,
    stockoutDate: null,
    stockoutRisk: 0,
    leadTimeDays: 30,
    ...over,
  });

  it('ranks the soonest stockout first, then the highest risk, not by name', () => {
    const sorted = byUrgency(
      [
        line('AAA', { stockoutDate: '2027-01-20', stockoutRisk: 0.9 }),
        line('BBB', { stockoutDate: null, stockoutRisk: 0.99 }),
        line('ZZZ', { stockoutDate: '2026-11-29', stockoutRisk: 0.2 }),
        line('MMM', { stockoutDate: '2026-12-05', stockoutRisk: 0.5 }),
        line('NNN', { stockoutDate: '2026-12-05', stockoutRisk: 0.7 }),
      ],
      T,
    );
    expect(sorted.map((l) => l.sku)).toEqual(['ZZZ', 'NNN', 'MMM', 'AAA', 'BBB']);
  });

  it('never says "order 500" for a line the budget deferred, and says why', () => {
    const v = lineVerdict(
      line('TEE', {
        orderQty: 500,
        cash: {
          status: 'deferred',
          fundedQty: 0,
          note: 'deferred: costs $3,900, $120 of the budget left; stockout risk 4%',
        },
      }),
      T,
    );
    expect(v.badge).toBe('deferred');
    expect(v.text).not.toMatch(/order 500/i);
    expect(v.text).toBe(
      'Order of 500 deferred by the budget — costs $3,900, $120 of the budget left; stockout risk 4%',
    );
  });

  it('gives a line with no order this review a badge that agrees (not "stockout risk")', () => {
    const v = lineVerdict(line('CAP', { orderQty: 0, stockoutDate: '2026-12-02', incoming: 120 }), T);
    expect(v).toMatchObject({ badge: 'runs out soon', tone: 'warn' });
    expect(v.text).toBe(
      'Runs out in 5 days, before an order placed today could arrive. No new order this review: 120 already on order cover the rest',
    );
    expect(lineVerdict(line('X', { action: 'blocked', orderQty: null, blocked: 'bad count' }), T)).toMatchObject({
      badge: 'blocked',
      text: 'Blocked: bad count',
    });
    expect(lineVerdict(line('Y', { orderQty: 48 }), T).badge).toBe('order 48');
  });
});

describe('the Shopify panel status', () => {
  const s = (over: Partial<Parameters<typeof panelStatus>[0]>) =>
    panelStatus({ inPlan: true, needsAction: false, orderQty: 0, action: 'ok', confidence: 'high', ...over });
  it('never puts a green OK beside low confidence or overstock', () => {
    expect(s({})).toEqual({ label: 'OK', tone: 'ok' });
    expect(s({ action: 'overstock', confidence: 'low' })).toEqual({ label: 'Overstock', tone: 'accent' });
    expect(s({ confidence: 'low' })).toEqual({ label: 'Check the data', tone: 'warn' });
    expect(s({ needsAction: true, orderQty: 0 })!.label).toBe('Runs out soon');
    expect(s({ needsAction: true, orderQty: 24 })!.label).toBe('Reorder now');
    expect(s({ action: 'blocked' })).toBeNull();
  });
});
