import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { readStoredPlan } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import { byUrgency, lineVerdict, needsAction } from '../../lib/planning/needs-action';
import { CONFIDENCE_TONE, fmtDay, fmtNum } from '../planning/format';
import { Badge, Empty, Spinner } from '../ui/primitives';
import './popup.css';

/** The extension's own pages the popup links to. */
const PAGES = [
  ['/planner.html', 'Planner'],
  ['/insights.html', 'Insights'],
  ['/catalogue.html', 'Catalogue'],
  ['/options.html', 'Settings'],
] as const;
type PagePath = (typeof PAGES)[number][0];

const open = (path: PagePath, query = '') =>
  void browser.tabs.create({ url: `${browser.runtime.getURL(path)}${query}` });
const openPlanner = (sku?: string) => open('/planner.html', sku ? `?sku=${encodeURIComponent(sku)}` : '');

/**
 * The planner's triage view: the lines that need action now, most urgent first (soonest stockout,
 * then risk), each one verdict (badge and sentence that agree) and a click to the planner at the SKU.
 */
export function PopupApp() {
  const stored = useLiveQuery(async () => ({ plan: await readStoredPlan(db()) }), []);
  const plan = stored?.plan?.result ?? null;
  const lines = plan
    ? byUrgency(
        plan.lines.filter((l) => needsAction(l, plan.today)),
        plan.today,
      )
    : [];
  const warnings = plan ? plan.checklist.filter((c) => !c.ok).length : 0;
  return (
    <div className="pop">
      <header className="pop-head">
        <div className="pop-logo" aria-hidden="true">
          C
        </div>
        <div>
          <h1 className="pop-title">Reorder now</h1>
          <div className="cp-muted">{plan ? `Plan of ${fmtDay(plan.today)}` : 'Counterpart planner'}</div>
        </div>
        <span className="cp-spacer" />
        <button className="cp-btn small primary" type="button" onClick={() => openPlanner()}>
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
          <button className="cp-btn primary" type="button" onClick={() => openPlanner()}>
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
              onClick={() => openPlanner()}
              title="Open the data checks in the planner"
            >
              <strong>{warnings}</strong> data warning{warnings === 1 ? '' : 's'}
            </button>
          </div>
          {lines.length === 0 ? <Empty>Nothing needs ordering today.</Empty> : null}
          <ul className="pop-lines" aria-label="Lines that need action, most urgent first">
            {lines.map((l) => {
              const v = lineVerdict(l, plan.today);
              return (
                <li key={l.sku} data-sku={l.sku}>
                  <button
                    type="button"
                    className="pop-line"
                    onClick={() => openPlanner(l.sku)}
                    title="Open in the planner"
                  >
                    <span className="cp-row">
                      <strong>{l.sku}</strong>
                      {l.action === 'blocked' ? null : (
                        <Badge tone={CONFIDENCE_TONE[l.confidence]}>{l.confidence} confidence</Badge>
                      )}
                      <span className="cp-spacer" />
                      <span data-testid="line-badge">
                        <Badge tone={v.tone}>{v.badge}</Badge>
                      </span>
                    </span>
                    {v.text.toLowerCase() === v.badge.toLowerCase() ? null : (
                      <span className="pop-verdict" data-testid="line-verdict">
                        {v.text}
                      </span>
                    )}
                    <span className="pop-meta">
                      sells {fmtNum(l.velocityPerDay, 1)}/day · {l.supplier ?? 'no supplier'} · {fmtNum(l.daysOfCover)}{' '}
                      days of cover
                      {l.stockoutDate ? ` · out ${fmtDay(l.stockoutDate)}` : ''}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <nav className="pop-nav" aria-label="Counterpart pages">
        {PAGES.map(([path, label]) => (
          <button key={path} type="button" className="pop-nav-link" onClick={() => open(path)}>
            {label}
          </button>
        ))}
      </nav>
    </div>
  );
}
