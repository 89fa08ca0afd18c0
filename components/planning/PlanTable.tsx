import { useEffect, useMemo, useRef, useState } from 'react';
import { needsAction } from '../../lib/planning/needs-action';
import type { PlanLine } from '../../lib/planning/reorder-line';
import { Badge } from '../ui/primitives';
import { CONFIDENCE_TONE, channelSplit, fmtDay, fmtNum } from './format';
import { Rationale } from './Rationale';

type SortKey =
  | 'sku'
  | 'onHand'
  | 'velocityPerDay'
  | 'daysOfCover'
  | 'stockoutDate'
  | 'reorderPoint'
  | 'orderQty'
  | 'supplier'
  | 'confidence';
const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'sku', label: 'SKU' },
  { key: 'onHand', label: 'On hand', numeric: true },
  { key: 'velocityPerDay', label: 'Velocity /day', numeric: true },
  { key: 'daysOfCover', label: 'Cover (days)', numeric: true },
  { key: 'stockoutDate', label: 'Stockout' },
  { key: 'reorderPoint', label: 'ROP', numeric: true },
  { key: 'orderQty', label: 'Order qty', numeric: true },
  { key: 'supplier', label: 'Supplier' },
  { key: 'confidence', label: 'Confidence' },
];
const CONF_RANK = { high: 2, medium: 1, low: 0 } as const;
const FILTERS = {
  all: 'All SKUs',
  action: 'Needs action',
  order: 'Ordering',
  low: 'Low confidence',
  overstock: 'Overstock',
} as const;
type Filter = keyof typeof FILTERS;

function sortValue(l: PlanLine, key: SortKey): string | number | null {
  // A blocked line has no confidence: it sorts below every low one.
  if (key === 'confidence') return l.action === 'blocked' ? -1 : CONF_RANK[l.confidence];
  return l[key] as string | number | null;
}

/** The full reorder list: sortable by any column, filterable by text and by state; a row selects the chart's SKU. */
export function PlanTable({
  lines,
  today,
  selected,
  onSelect,
  focusSku = null,
}: {
  lines: PlanLine[];
  today: string;
  selected: string | null;
  onSelect: (sku: string) => void;
  /** A SKU to bring into view and focus once (the page was opened at it from the popup). */
  focusSku?: string | null;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const focused = useRef(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'stockoutDate', dir: 1 });
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    const keep = lines.filter((l) => {
      if (q && !`${l.sku} ${l.supplier ?? ''}`.toLowerCase().includes(q)) return false;
      if (filter === 'action') return needsAction(l, today);
      if (filter === 'order') return (l.orderQty ?? 0) > 0;
      if (filter === 'low') return l.confidence === 'low';
      if (filter === 'overstock') return l.overstock;
      return true;
    });
    return keep.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      if (x === y) return a.sku.localeCompare(b.sku);
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sort.dir;
    });
  }, [lines, today, sort, filter, text]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the rows change, until the SKU's row exists.
  useEffect(() => {
    if (!focusSku || focused.current || !body.current) return;
    const button = [...body.current.querySelectorAll<HTMLButtonElement>('button.pl-sku')].find(
      (b) => b.textContent === focusSku,
    );
    if (!button) return;
    focused.current = true;
    button.closest('tr')?.scrollIntoView({ block: 'center' });
    button.focus({ preventScroll: true });
  }, [focusSku, shown]);

  return (
    <section className="card" aria-labelledby="plan-title">
      <header className="cp-row">
        <h2 id="plan-title">Reorder list</h2>
        <span className="cp-muted">
          {shown.length} of {lines.length} SKUs
        </span>
        <span className="cp-spacer" />
        <input
          className="cp-input pl-search"
          type="search"
          placeholder="Filter by SKU or supplier"
          aria-label="Filter by SKU or supplier"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          className="cp-select pl-filter"
          aria-label="Show"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          {Object.entries(FILTERS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </header>
      <div className="card-body pl-table-wrap">
        <table className="cp-table pl-plan" aria-label="Reorder list">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="pl-sort"
                    onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {shown.map((l) => [
              <tr
                key={l.sku}
                className={`${selected === l.sku ? 'selected' : ''} ${needsAction(l, today) ? 'action' : ''}`}
                aria-selected={selected === l.sku}
                onClick={() => onSelect(l.sku)}
                data-sku={l.sku}
              >
                <td>
                  <button
                    type="button"
                    className="pl-sku"
                    onClick={() => onSelect(l.sku)}
                    aria-label={`Chart ${l.sku}`}
                  >
                    {l.sku}
                  </button>
                </td>
                <td className="num">{fmtNum(l.onHand)}</td>
                <td className="num" title={channelSplit(l.channelVelocity)}>
                  {fmtNum(l.velocityPerDay, 1)}
                  <div className="pl-sub">{channelSplit(l.channelVelocity)}</div>
                </td>
                <td className="num">{fmtNum(l.daysOfCover)}</td>
                <td>{l.stockoutDate ? fmtDay(l.stockoutDate) : '—'}</td>
                <td className="num">{fmtNum(l.reorderPoint)}</td>
                <td className="num">
                  <strong>{l.orderQty === null ? '—' : fmtNum(l.orderQty)}</strong>
                  {l.cash.status === 'deferred' || l.cash.status === 'partial' ? (
                    <div className="pl-sub">
                      <Badge tone="warn" title={l.cash.note ?? ''}>
                        {l.cash.status === 'partial' ? `funded ${l.cash.fundedQty}` : 'deferred'}
                      </Badge>
                    </div>
                  ) : null}
                </td>
                <td>{l.supplier ?? <span className="cp-muted">none</span>}</td>
                <td>
                  {l.action === 'blocked' ? (
                    <Badge tone="bad" title={l.blocked ?? ''}>
                      blocked
                    </Badge>
                  ) : (
                    <Badge tone={CONFIDENCE_TONE[l.confidence]} title={l.confidenceReasons.join('; ')}>
                      {l.confidence}
                    </Badge>
                  )}
                  {l.overstock ? (
                    <div className="pl-sub">
                      <Badge tone="accent">overstock</Badge>
                    </div>
                  ) : null}
                </td>
              </tr>,
              <tr
                key={`${l.sku}:why`}
                className={`pl-why ${selected === l.sku ? 'selected' : ''}`}
                onClick={() => onSelect(l.sku)}
              >
                <td colSpan={COLUMNS.length} className="pl-rationale">
                  <Rationale text={l.rationale} />
                </td>
              </tr>,
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
