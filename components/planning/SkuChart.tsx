import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SkuSeries } from '../../lib/planning/plan';
import type { PlanLine } from '../../lib/planning/reorder-line';
import { Empty } from '../ui/primitives';
import { fmtDay, fmtNum } from './format';
import { Rationale } from './Rationale';

const DAY = 86_400;
const HISTORY_DAYS = 180;
const toSec = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** Aligned columns for uPlot: history, forecast, projected stock, reorder point, the proposed order's and approved POs' arrivals. */
function chartData(s: SkuSeries, line: PlanLine): uPlot.AlignedData {
  const h0 = toSec(s.historyStart);
  const f0 = toSec(s.forecastStart);
  const from = Math.max(0, s.sold.length - HISTORY_DAYS);
  const x: number[] = [];
  const sold: (number | null)[] = [];
  const forecast: (number | null)[] = [];
  const stock: (number | null)[] = [];
  const rop: (number | null)[] = [];
  const incoming: (number | null)[] = [];
  const approved: (number | null)[] = [];
  for (let t = from; t < s.sold.length; t++) {
    const at = h0 + t * DAY;
    if (at >= f0) break;
    x.push(at);
    sold.push(s.sold[t] ?? null);
    forecast.push(null);
    stock.push(null);
    rop.push(null);
    incoming.push(null);
    approved.push(null);
  }
  const arrivals = new Set((s.arrivals ?? []).map((a) => Math.round((toSec(a.day) - f0) / DAY)));
  const arrival = line.orderQty && line.orderQty > 0 ? Math.round(line.leadTimeDays) : -1;
  for (let k = 0; k < s.forecast.length; k++) {
    x.push(f0 + k * DAY);
    sold.push(null);
    forecast.push(s.forecast[k] ?? null);
    const p = s.projectedStock[k];
    // Stock cannot go below zero: the line meeting the axis is the stockout.
    stock.push(p === undefined || Number.isNaN(p) ? null : Math.max(0, p));
    rop.push(s.reorderPoint);
    incoming.push(k === arrival ? line.orderQty : null);
    approved.push(arrivals.has(k) ? (stock[stock.length - 1] ?? null) : null);
  }
  return [x, sold, forecast, stock, rop, incoming, approved];
}

/** Per-SKU chart: daily sales, forecast, projected stock against the reorder point, and the order's arrival. */
export function SkuChart({ series, line }: { series: SkuSeries | null; line: PlanLine | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !series || !line) return;
    const width = el.clientWidth || 860;
    const plot = new uPlot(
      {
        width,
        height: 260,
        legend: { live: false },
        scales: { x: { time: true }, units: { auto: true }, stock: { auto: true } },
        axes: [
          {},
          { scale: 'units', label: 'units / day', size: 50 },
          { scale: 'stock', side: 1, label: 'units in stock', grid: { show: false }, size: 60 },
        ],
        series: [
          {},
          { label: 'Sold', scale: 'units', stroke: '#64748b', width: 1 },
          { label: 'Forecast', scale: 'units', stroke: '#4f46e5', width: 2, dash: [6, 3] },
          {
            label: series.arrivals?.length
              ? 'Projected stock (approved POs, no new order)'
              : 'Projected stock (no new order)',
            scale: 'stock',
            stroke: '#047857',
            width: 2,
          },
          { label: 'Reorder point', scale: 'stock', stroke: '#b45309', width: 1.5, dash: [3, 3] },
          {
            label: `Proposed order arrives (${line.orderQty ?? 0})`,
            scale: 'stock',
            stroke: '#b91c1c',
            paths: () => null,
            points: { show: true, size: 10, fill: '#b91c1c' },
          },
          {
            label: 'Approved PO arrives',
            scale: 'stock',
            stroke: '#047857',
            paths: () => null,
            points: { show: true, size: 10, fill: '#ffffff', width: 2 },
          },
        ],
      },
      chartData(series, line),
      el,
    );
    return () => plot.destroy();
  }, [series, line]);

  if (!line) return null;
  return (
    <section className="card" aria-labelledby="chart-title">
      <header className="cp-row">
        <h2 id="chart-title">{line.sku}</h2>
        <span className="cp-muted">
          on hand {fmtNum(line.onHand)} · ROP {fmtNum(line.reorderPoint)} · order-up-to {fmtNum(line.orderUpTo)} · lead
          time {fmtNum(line.leadTimeDays)}±{fmtNum(line.leadTimeSdDays)} d
          {line.stockoutDate ? ` · stockout ${fmtDay(line.stockoutDate)}` : ''}
        </span>
      </header>
      <div className="card-body">
        {series ? <div ref={box} className="pl-chart" data-testid="sku-chart" /> : <Empty>No history to chart.</Empty>}
        {series?.arrivals?.length ? (
          <p data-testid="approved-arrivals">
            On order (approved):{' '}
            {series.arrivals.map((a) => `${fmtNum(a.qty)} arriving ${fmtDay(a.day)} (${a.poId})`).join('; ')}
          </p>
        ) : null}
        <Rationale className="pl-rationale-full" text={line.rationale} />
        {line.confidenceReasons.length ? (
          <p className="cp-muted">
            Confidence {line.confidence}: {line.confidenceReasons.join('; ')}
          </p>
        ) : null}
      </div>
    </section>
  );
}
