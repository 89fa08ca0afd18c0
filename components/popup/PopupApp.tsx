import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { readStoredPlan } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import { needsAction } from '../../lib/planning/needs-action';
import { CONFIDENCE_TONE, fmtDay, fmtNum } from '../planning/format';
import { Badge, Empty, Spinner } from '../ui/primitives';
import './popup.css';

const openPlanner = () => void browser.tabs.create({ url: browser.runtime.getURL('/planner.html') });

/** The planner's reorder view: the lines that need action now, with their rationale. */
export function PopupApp() {
  const stored = useLiveQuery(async () => ({ plan: await readStoredPlan(db()) }), []);
  const plan = stored?.plan?.result ?? null;
  const lines = plan ? plan.lines.filter((l) => needsAction(l, plan.today)) : [];
  const warnings = plan ? plan.checklist.filter((c) => !c.ok).length : 0;
  return (
    <div className="pop">
      <header className="pop-head">
        <div className="pop-logo" aria-hidden="true">
          C
        </div>
        <div>
          <h1 className="cp-title-inline">Reorder now</h1>
          <div className="cp-muted">{plan ? `Plan of ${fmtDay(plan.today)}` : 'Counterpart planner'}</div>
        </div>
        <span className="cp-spacer" />
        <button className="cp-btn small primary" type="button" onClick={openPlanner}>
          Open planner
        </button>
      </header>

      {stored === undefined ? (
        <div className="pop-body">
          <Spinner label="Reading the plan…" />
        </div>
      ) : null}
      {stored && !plan ? (
        <div className="pop-empty">
          <div className="pop-empty-icon" aria-hidden="true">
            ▤
          </div>
          <strong>No reorder plan yet</strong>
          <p className="cp-muted">
            Import your Shopify or Amazon orders, inventory counts and the supplier sheet in the planner; the lines to
            order will show here.
          </p>
          <button className="cp-btn primary" type="button" onClick={openPlanner}>
            Import data in the planner
          </button>
        </div>
      ) : null}

      {plan ? (
        <>
          <div className="pop-stats">
            <div>
              <strong>{lines.length}</strong> to act on
            </div>
            <div>
              <strong>{plan.purchaseOrders.length}</strong> PO drafts
            </div>
            <button
              type="button"
              className={`pop-warn ${warnings ? 'on' : ''}`}
              onClick={openPlanner}
              title="Open the data quality checklist in the planner"
            >
              <strong>{warnings}</strong> data warning{warnings === 1 ? '' : 's'}
            </button>
          </div>
          {lines.length === 0 ? <Empty>Nothing needs ordering today.</Empty> : null}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must take focus to be scrolled by keyboard (axe scrollable-region-focusable). */}
          <ul className="pop-lines" aria-label="Lines that need action" tabIndex={0}>
            {lines.map((l) => (
              <li key={l.sku} data-sku={l.sku}>
                <div className="cp-row">
                  <strong>{l.sku}</strong>
                  {l.action === 'blocked' ? null : <Badge tone={CONFIDENCE_TONE[l.confidence]}>{l.confidence}</Badge>}
                  <span className="cp-spacer" />
                  {l.action === 'blocked' ? (
                    <Badge tone="bad" title={l.blocked ?? ''}>
                      blocked
                    </Badge>
                  ) : l.orderQty !== null && l.orderQty > 0 ? (
                    <span className="pop-qty">order {fmtNum(l.orderQty)}</span>
                  ) : (
                    <Badge tone="bad">{l.orderQty === null ? 'no quantity' : 'stockout risk'}</Badge>
                  )}
                </div>
                <div className="pop-meta">
                  {l.supplier ?? 'no supplier'} · {fmtNum(l.daysOfCover)} days of cover
                  {l.stockoutDate ? ` · out ${fmtDay(l.stockoutDate)}` : ''}
                </div>
                <p className="pop-rationale">{l.rationale}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
