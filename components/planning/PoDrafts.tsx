import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import * as clock from '../../lib/clock';
import { approvePo, readPoDrafts, savePoEdit } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import type { Budget, CashResult } from '../../lib/planning/cash';
import { type PoDraft, poSequence, poToCsv } from '../../lib/planning/po';
import { Badge, Empty, Notice } from '../ui/primitives';
import { fmtMoney, fmtNum } from './format';

function download(po: PoDraft) {
  const blob = new Blob([poToCsv(po)], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  const n = poSequence(po.id);
  a.download = `PO-${po.supplier.replace(/[^\w.-]+/g, '-')}-${po.createdFor}${n > 1 ? `-${n}` : ''}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function QtyInput({ po, sku, qty, budget }: { po: PoDraft; sku: string; qty: number; budget: Budget | null }) {
  const [value, setValue] = useState(String(qty));
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
      setError('whole number ≥ 0');
      return;
    }
    setError(null);
    if (n !== qty) void savePoEdit(db(), po, sku, n, budget, clock.nowIso());
  };
  return (
    <>
      <input
        className="cp-input pl-qty"
        inputMode="numeric"
        aria-label={`Quantity of ${sku} for ${po.supplier}`}
        value={value}
        disabled={po.status === 'approved'}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error ? <div className="pl-sub bad">{error}</div> : null}
    </>
  );
}

/** "PO for Acme", or "PO for Acme (follow-up 2)" for a later PO of the same day. */
function poName(po: PoDraft): string {
  const n = poSequence(po.id);
  return `PO for ${po.supplier}${n > 1 ? ` (follow-up ${n})` : ''}`;
}

/** PO drafts per supplier: totals, cash against the budget, deferred lines, editable quantities, approve and export. */
export function PoDrafts({ today, cash }: { today: string; cash: CashResult }) {
  const pos = useLiveQuery(() => readPoDrafts(db(), today), [today]);
  const budget = cash.budget;
  const total = (pos ?? []).reduce((a, p) => a + p.total, 0);
  return (
    <section className="card" aria-labelledby="po-title">
      <header className="cp-row">
        <h2 id="po-title">Purchase order drafts</h2>
        <span className="cp-spacer" />
        <span>
          {fmtMoney(total, budget?.currency ?? null)}
          {budget ? (
            <span className="cp-muted">
              {' '}
              of {fmtMoney(budget.amount, budget.currency)} budget
              {budget.start ? ` (${budget.start} – ${budget.end})` : ''}
            </span>
          ) : (
            <span className="cp-muted"> · no budget imported for this period</span>
          )}
        </span>
      </header>
      <div className="card-body">
        {budget ? (
          <div className="pl-budget" aria-hidden="true">
            <div
              style={{ width: `${Math.min(100, (total / Math.max(1, budget.amount)) * 100)}%` }}
              className={total > budget.amount ? 'over' : ''}
            />
          </div>
        ) : null}
        {cash.deferred.length ? (
          <Notice
            tone="warn"
            title={`${cash.deferred.length} line${cash.deferred.length === 1 ? '' : 's'} deferred by the budget`}
          >
            <ul className="pl-deferred">
              {cash.deferred.map((d) => (
                <li key={d.sku}>
                  <b>{d.sku}</b> ({d.supplier ?? 'no supplier'}): {fmtNum(d.qty)} units,{' '}
                  {fmtMoney(d.cost, budget?.currency ?? null)} — {d.reason}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {cash.unpriced.length ? (
          <p className="cp-muted">No unit cost (not counted against the budget): {cash.unpriced.join(', ')}</p>
        ) : null}
        {pos && pos.length === 0 ? <Empty>Nothing to order today.</Empty> : null}
        {(pos ?? []).map((po) => (
          <article key={po.id} className="pl-po" aria-label={poName(po)}>
            <div className="cp-row">
              <strong>{po.supplier}</strong>
              {poSequence(po.id) > 1 ? <span className="cp-chip">follow-up {poSequence(po.id)}</span> : null}
              <Badge tone={po.status === 'approved' ? 'ok' : 'neutral'}>{po.status}</Badge>
              {po.approvedAt ? (
                <span className="cp-muted">
                  {new Date(po.approvedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                </span>
              ) : null}
              <span className="cp-muted">
                {po.lines.length} line{po.lines.length === 1 ? '' : 's'} · {fmtMoney(po.total, po.currency)}
                {po.budgetShare !== null ? ` · ${Math.round(po.budgetShare * 100)}% of budget` : ''}
              </span>
              <span className="cp-spacer" />
              <button
                className="cp-btn small"
                type="button"
                disabled={po.status === 'approved'}
                onClick={() => void approvePo(db(), po, clock.nowIso())}
              >
                {po.status === 'approved' ? 'Approved' : 'Approve'}
              </button>
              <button className="cp-btn small primary" type="button" onClick={() => download(po)}>
                Export CSV
              </button>
            </div>
            <table className="cp-table">
              <thead>
                <tr>
                  <th>SKU</th>
                  <th className="num">Proposed</th>
                  <th className="num">Quantity</th>
                  <th className="num">MOQ / case</th>
                  <th className="num">Unit cost</th>
                  <th className="num">Line total</th>
                </tr>
              </thead>
              <tbody>
                {po.lines.map((l) => (
                  <tr key={l.sku}>
                    <td>{l.sku}</td>
                    <td className="num">{fmtNum(l.proposedQty)}</td>
                    <td className="num">
                      <QtyInput key={`${po.id}:${l.qty}`} po={po} sku={l.sku} qty={l.qty} budget={budget} />
                    </td>
                    <td className="num">
                      {fmtNum(l.moq)} / {fmtNum(l.casePack)}
                    </td>
                    <td className="num">{l.unitCost === null ? '—' : l.unitCost.toFixed(2)}</td>
                    <td className="num">{fmtMoney(l.lineTotal, po.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {po.warnings.length ? (
              <ul className="pl-warnings">
                {po.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
            {po.audit.length ? (
              <details className="pl-audit">
                <summary>Changes ({po.audit.length})</summary>
                <ul aria-label={`Changes to the PO for ${po.supplier}`}>
                  {po.audit.map((a) => (
                    <li key={`${a.at}:${a.sku}`}>
                      {new Date(a.at).toLocaleString()} — {a.by} changed {a.sku} from {a.from} to {a.to}
                      {a.note ? ` (${a.note})` : ''}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </article>
        ))}
      </div>
    </section>
  );
}
