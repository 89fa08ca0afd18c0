import { useQuery } from '@tanstack/react-query';
import type { SkuSummary } from '../../lib/messaging/contract/planning';
import { panelStatus } from '../../lib/planning/needs-action';
import type { PanelContext } from '../panel/types';
import { Badge, Empty, KeyValues, Notice, Section, Spinner } from '../ui/primitives';
import { CONFIDENCE_TONE, channelSplit, fmtDay, fmtNum } from './format';
import { planningQueries } from './queries';
import './planning.css';
import { Rationale } from './Rationale';

/** The line's status in one badge that agrees with its confidence (`panelStatus`). */
function StatusBadge({ s }: { s: SkuSummary }) {
  const status = panelStatus(s);
  return status ? <Badge tone={status.tone}>{status.label}</Badge> : null;
}

function SkuCard({ s, countsSku }: { s: SkuSummary; countsSku: string | null }) {
  return (
    <article className="cp-planning-sku" aria-label={`Planning for ${s.sku}`}>
      <div className="cp-row">
        <strong>{s.sku}</strong>
        <span className="cp-spacer" />
        {s.action === 'blocked' ? null : <StatusBadge s={s} />}
        {s.action === 'blocked' ? (
          <Badge tone="bad" title={s.confidenceReasons.join('; ')}>
            blocked
          </Badge>
        ) : (
          <Badge tone={CONFIDENCE_TONE[s.confidence]} title={s.confidenceReasons.join('; ')}>
            {s.confidence} confidence
          </Badge>
        )}
      </div>
      {s.inPlan ? (
        <KeyValues
          rows={[
            [
              'On hand',
              <>
                {fmtNum(s.onHand)}
                {countsSku === s.sku ? <span className="cp-muted"> (from this page)</span> : null}
              </>,
            ],
            ['Velocity', `${fmtNum(s.velocityPerDay, 1)}/day — ${channelSplit(s.channelVelocity)}`],
            ['Days of cover', fmtNum(s.daysOfCover)],
            ['Stockout', s.stockoutDate ? fmtDay(s.stockoutDate) : 'not in the horizon'],
            ['Reorder point', fmtNum(s.reorderPoint)],
            [
              'Order',
              s.orderQty === null
                ? 'no quantity (on hand unknown)'
                : s.orderQty > 0
                  ? `${fmtNum(s.orderQty)} from ${s.supplier ?? 'no supplier'}`
                  : 'nothing now',
            ],
          ]}
        />
      ) : null}
      <Rationale className="cp-planning-rationale" text={s.rationale} />
    </article>
  );
}

/** Shopify product/inventory pages: the page's SKUs as the planner sees them, with the page's counts recorded. */
export function PlanningPanelSection({ context }: { context: PanelContext }) {
  const q = useQuery(planningQueries.skuSummary(context.snapshot?.capturedAt ?? null));
  // A product page whose location counts the background could not tie to one SKU (several variants,
  // no SKU on the Inventory card): say so instead of showing them under a guessed SKU.
  const untiedCounts = Boolean(q.data?.untiedCounts);
  return (
    <Section
      title="Inventory planning"
      label="Inventory planning"
      aside={q.data ? <span className="cp-muted">as of {fmtDay(q.data.today)}</span> : null}
    >
      {q.isPending ? <Spinner label="Reading the plan…" /> : null}
      {q.isError ? (
        <Notice tone="bad" title="Could not read the plan">
          {q.error.message}
        </Notice>
      ) : null}
      {q.data && !q.data.hasData ? (
        <Empty>No planning data yet. Import orders, inventory and supplier files in the planner page.</Empty>
      ) : null}
      {q.data?.hasData && q.data.skus.length === 0 ? <Empty>No SKU found on this page.</Empty> : null}
      {q.data?.hasData ? (
        <>
          {q.data.recorded > 0 ? (
            <p className="cp-muted" data-testid="planning-recorded">
              Recorded {q.data.recorded} location count{q.data.recorded === 1 ? '' : 's'} from this page
              {q.data.countsSku ? ` for ${q.data.countsSku}` : ''}.
            </p>
          ) : null}
          {untiedCounts ? (
            <Notice tone="warn" title="Location counts not recorded">
              <span data-testid="planning-counts-untied">
                This page’s location counts could not be tied to one SKU: the product has several variants and the
                Inventory card shows no SKU. Open the variant to record its counts.
              </span>
            </Notice>
          ) : null}
          {q.data.skus
            .filter((s) => s.inPlan)
            .map((s) => (
              <SkuCard key={s.sku} s={s} countsSku={q.data.countsSku} />
            ))}
          {q.data.skus.some((s) => !s.inPlan) ? (
            <p className="cp-muted" data-testid="planning-no-sales">
              No sales imported for{' '}
              {q.data.skus
                .filter((s) => !s.inPlan)
                .map((s) => s.sku)
                .join(', ')}
              : nothing to plan from yet.
            </p>
          ) : null}
          {q.data.more > 0 ? <p className="cp-muted">{q.data.more} more SKUs on this page are not shown.</p> : null}
        </>
      ) : null}
    </Section>
  );
}
