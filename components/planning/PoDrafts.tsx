import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import * as clock from '../../lib/clock';
import { approvePo, readPoDrafts, savePoEdit, unapprovePo } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import type { Budget, CashResult } from '../../lib/planning/cash';
import { type PoDraft, poSequence, poToCsv } from '../../lib/planning/po';
import { type ApprovalBlock, approvalBlocks } from '../../lib/planning/po-approval';
import type { CheckItem } from '../../lib/planning/quality';
import type { PlanLine } from '../../lib/planning/reorder-line';
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

/**
 * Asks before a PO is approved, in the page's own accessible dialog (a modal `<dialog>`: focus moves
 * in, Escape cancels, focus returns to the page when it closes).
 */
function ConfirmApprove({
  po,
  onConfirm,
  onCancel,
}: {
  po: PoDraft | null;
  onConfirm: (po: PoDraft) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (po && !d.open) {
      d.showModal();
      // The dialog's one decision takes focus (React's autoFocus runs before the dialog is open).
      confirm.current?.focus();
    }
    if (!po && d.open) d.close();
  }, [po]);
  const units = po ? po.lines.reduce((a, l) => a + l.qty, 0) : 0;
  return (
    <dialog
      ref={ref}
      className="pl-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {po ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm(po);
          }}
        >
          <h2 id={titleId}>Approve the {poName(po)}?</h2>
          <p id={bodyId}>
            {po.lines.length} line{po.lines.length === 1 ? '' : 's'}, {fmtNum(units)} units,{' '}
            {fmtMoney(po.total, po.currency)}
            {po.budgetShare !== null ? ` (${Math.round(po.budgetShare * 100)}% of the budget)` : ''}. Once approved it
            counts as stock on order in the next plans. Nothing is sent to the supplier: export the CSV and send it
            yourself. You can undo the approval until you close this page.
          </p>
          <div className="cp-row pl-dialog-actions">
            <span className="cp-spacer" />
            <button className="cp-btn" type="button" onClick={onCancel}>
              Cancel
            </button>
            <button className="cp-btn primary" type="submit" ref={confirm}>
              Approve PO
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}

/** PO drafts per supplier: totals, cash against the budget, deferred lines, editable quantities, approve (confirmed, undoable) and export. */
export function PoDrafts({
  today,
  cash,
  plan,
  onChanged,
}: {
  today: string;
  cash: CashResult;
  /** The plan the drafts came from: a line it blocks stops the approval. */
  plan: { lines: readonly PlanLine[]; checklist: readonly CheckItem[] };
  /** Called after an approval is undone, so the plan's on-order counts are read again. */
  onChanged: () => void;
}) {
  const pos = useLiveQuery(() => readPoDrafts(db(), today), [today]);
  const budget = cash.budget;
  const total = (pos ?? []).reduce((a, p) => a + p.total, 0);
  const [asking, setAsking] = useState<PoDraft | null>(null);
  // Approvals made on this page: only these can be undone (a session's own decision).
  const [mine, setMine] = useState<ReadonlySet<string>>(() => new Set());
  const [focusUndo, setFocusUndo] = useState<string | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const approve = async (po: PoDraft) => {
    setAsking(null);
    setUndone(null);
    await approvePo(db(), po, clock.nowIso());
    setMine((m) => new Set([...m, po.id]));
    setFocusUndo(po.id);
  };
  const undo = async (po: PoDraft) => {
    await unapprovePo(db(), po, clock.nowIso());
    setMine((m) => new Set([...m].filter((id) => id !== po.id)));
    setUndone(po.id);
    onChanged();
  };
  return (
    <section className="card" aria-labelledby="po-title">
      <ConfirmApprove po={asking} onConfirm={(po) => void approve(po)} onCancel={() => setAsking(null)} />
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
              <PoActions
                po={po}
                blocks={po.status === 'approved' ? [] : approvalBlocks(po, plan)}
                canUndo={mine.has(po.id)}
                undone={undone === po.id}
                focusUndo={focusUndo === po.id}
                onFocused={() => setFocusUndo(null)}
                onApprove={() => setAsking(po)}
                onUndo={() => void undo(po)}
              />
            </div>
            {po.status !== 'approved' && approvalBlocks(po, plan).length ? (
              <ApprovalBlocked po={po} blocks={approvalBlocks(po, plan)} />
            ) : null}
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

const blockedId = (po: PoDraft) => `po-blocked-${po.id.replace(/[^\w-]+/g, '-')}`;

/** Why Approve is not offered: each line that stops it, with the reason. */
function ApprovalBlocked({ po, blocks }: { po: PoDraft; blocks: ApprovalBlock[] }) {
  return (
    <div className="cp-notice bad pl-approve-blocked" id={blockedId(po)} data-testid="approve-blocked">
      <strong>Can’t approve yet</strong>
      <ul>
        {blocks.map((b) => (
          <li key={b.sku}>
            <b>{b.sku}</b>: {b.reason}
          </li>
        ))}
      </ul>
      <span className="cp-muted">Fix the data and plan again, or set the line’s quantity to 0.</span>
    </div>
  );
}

/**
 * The PO's actions in order of weight: for a draft, Approve is the decision (primary) and the CSV a
 * secondary export; once approved, the export is the next step (primary) and Undo sits beside it.
 */
function PoActions({
  po,
  blocks,
  canUndo,
  undone,
  focusUndo,
  onFocused,
  onApprove,
  onUndo,
}: {
  po: PoDraft;
  blocks: ApprovalBlock[];
  canUndo: boolean;
  undone: boolean;
  focusUndo: boolean;
  onFocused: () => void;
  onApprove: () => void;
  onUndo: () => void;
}) {
  if (po.status === 'approved') {
    return (
      <>
        <span className="cp-muted" role="status">
          Approved: counts as stock on order.
        </span>
        {canUndo ? (
          <button
            className="cp-btn small"
            type="button"
            ref={(el) => {
              if (el && focusUndo) {
                el.focus();
                onFocused();
              }
            }}
            onClick={onUndo}
          >
            Undo approval
          </button>
        ) : null}
        <button className="cp-btn small primary" type="button" onClick={() => download(po)}>
          Export CSV
        </button>
      </>
    );
  }
  return (
    <>
      {undone ? (
        <span className="cp-muted" role="status">
          Approval undone: back to draft.
        </span>
      ) : null}
      <button className="cp-btn small pl-quiet" type="button" onClick={() => download(po)}>
        Export draft CSV
      </button>
      <button
        className="cp-btn small primary"
        type="button"
        disabled={blocks.length > 0}
        aria-describedby={blocks.length > 0 ? blockedId(po) : undefined}
        onClick={onApprove}
      >
        Approve…
      </button>
    </>
  );
}
