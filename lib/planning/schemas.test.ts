import { describe, expect, it } from 'vitest';
import { stableId } from '../import/hash';
import { dayNumber, dayString } from './dates';
import type { OrderLine } from './import/types';
import { planReorder } from './plan';
import { planResultSchema, poDraftSchema, recordSnapshotRequestSchema, skuSeriesSchema } from './schemas';
import { countsFromPage } from './snapshot';

const T = dayNumber('2026-11-27');
const orders: OrderLine[] = Array.from({ length: 200 }, (_, i) => ({
  id: stableId('t', i),
  source: 'shopify-orders',
  channel: 'shopify',
  orderId: `#${i}`,
  day: dayString(T - 200 + i),
  sku: 'TEE',
  qty: 3,
  unitPrice: 28,
  currency: 'USD',
  country: 'US',
  excluded: null,
}));

describe('planning message schemas', () => {
  it('accept what the planner returns (schemas and types stay in step)', () => {
    const page = recordSnapshotRequestSchema.parse({
      capturedAt: '2026-11-27T09:30:00Z',
      rows: [{ sku: 'TEE', location: 'ShipBob Warehouse', available: 20, on_hand: 24, committed: 4, incoming: null }],
    });
    const result = planReorder({
      today: '2026-11-27',
      orders,
      counts: countsFromPage(page.rows, page.capturedAt),
      suppliers: [
        {
          id: 's',
          sku: 'TEE',
          supplier: 'Lotus',
          leadTimeDays: 30,
          leadTimeSdDays: 4,
          moq: 100,
          casePack: 12,
          unitCost: 8,
          currency: 'USD',
        },
      ],
      budget: 900, // the 120 units cost 960; 108 (9 cases, ≥ MOQ 100) fit
      seriesFor: ['TEE'],
    });
    expect(result.lines[0]!.onHand).toBe(24);
    expect(result.lines[0]!.cash.status).toBe('partial');
    expect(() => planResultSchema.parse(result)).not.toThrow();
  });

  it('take a page snapshot as a fresher count than an export', () => {
    expect(
      countsFromPage(
        [{ sku: 'TEE', location: 'SoHo', available: 5, on_hand: null, committed: 2, incoming: 0 }],
        '2026-11-27T10:00:00Z',
      ),
    ).toEqual([expect.objectContaining({ source: 'shopify-page', onHand: 7, asOf: '2026-11-27' })]);
  });

  it('keep the approval time, expected arrival and chart arrivals (a PO validated by the schema still counts as on order)', () => {
    const po = {
      id: 'po:Lotus:2026-11-27:2',
      supplier: 'Lotus',
      currency: 'USD',
      createdFor: '2026-11-27',
      lines: [],
      total: 0,
      budgetShare: null,
      status: 'approved' as const,
      approvedAt: '2026-11-27T09:00:00.000Z',
      expectedAt: '2026-12-20',
      audit: [],
      warnings: [],
    };
    expect(poDraftSchema.parse(po)).toEqual(po);
    const series = {
      sku: 'TEE',
      historyStart: '2026-01-01',
      sold: [1],
      censored: [false],
      forecastStart: '2026-11-27',
      forecast: [1],
      projectedStock: [9],
      reorderPoint: 5,
      arrivals: [{ day: '2026-12-20', qty: 100, poId: po.id }],
    };
    expect(skuSeriesSchema.parse(series)).toEqual(series);
  });
});
