import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { InsightsResponse } from '../../lib/messaging/contract/returns';
import { Empty } from '../ui/primitives';

const toSec = (period: string) =>
  Date.parse(period.length === 7 ? `${period}-01T00:00:00Z` : `${period}T00:00:00Z`) / 1000;

/** Aligned columns: returns per period (bars), defect+damage and sizing share, and both baselines. */
function chartData(data: InsightsResponse, key: string): uPlot.AlignedData {
  const rows = new Map(data.rows.filter((r) => r.key === key).map((r) => [r.period, r]));
  const x: number[] = [];
  const total: (number | null)[] = [];
  const defect: (number | null)[] = [];
  const sizing: (number | null)[] = [];
  const bDefect: number[] = [];
  const bSizing: number[] = [];
  for (const p of data.periods) {
    const r = rows.get(p);
    x.push(toSec(p));
    total.push(r ? r.total : 0);
    defect.push(r ? Math.round(r.defectShare * 1000) / 10 : null);
    sizing.push(r ? Math.round(r.sizingShare * 1000) / 10 : null);
    bDefect.push(Math.round(data.baseline.defect * 1000) / 10);
    bSizing.push(Math.round(data.baseline.sizing * 1000) / 10);
  }
  return [x, total, defect, sizing, bDefect, bSizing];
}

/** Reasons of one SKU or product over time against the catalogue baseline. */
export function InsightsChart({ data, selected }: { data: InsightsResponse; selected: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || !selected || data.periods.length === 0) return;
    const width = el.clientWidth || 860;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const plot = new uPlot(
      {
        width,
        height: 260,
        scales: {
          x: { time: true },
          n: { auto: true, range: (_u, _min, max) => [0, Math.max(4, max * 1.2)] },
          pct: { range: [0, 100] },
        },
        axes: [
          {},
          { scale: 'pct', label: 'share of returns (%)', size: 56 },
          { scale: 'n', side: 1, label: 'returns', grid: { show: false }, size: 48 },
        ],
        series: [
          {},
          {
            label: 'Returns',
            scale: 'n',
            stroke: '#cbd5e1',
            fill: 'rgba(148,163,184,0.35)',
            paths: bars,
            points: { show: false },
          },
          { label: 'Defect + damage %', scale: 'pct', stroke: '#b91c1c', width: 2, spanGaps: true },
          { label: 'Sizing %', scale: 'pct', stroke: '#b45309', width: 2, spanGaps: true },
          {
            label: 'Baseline defect %',
            scale: 'pct',
            stroke: '#b91c1c',
            width: 1,
            dash: [4, 4],
            points: { show: false },
          },
          {
            label: 'Baseline sizing %',
            scale: 'pct',
            stroke: '#b45309',
            width: 1,
            dash: [4, 4],
            points: { show: false },
          },
        ],
      },
      chartData(data, selected),
      el,
    );
    return () => plot.destroy();
  }, [data, selected]);
  if (data.periods.length === 0)
    return <Empty>No returns stored yet. Import a Loop export or open returns in Loop.</Empty>;
  return (
    <div
      ref={box}
      className="ri-chart"
      data-testid="reason-chart"
      role="img"
      aria-label={`Return reasons of ${selected} over time`}
    />
  );
}
