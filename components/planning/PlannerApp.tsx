import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import * as clock from '../../lib/clock';
import { canPlan } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import { needsAction } from '../../lib/planning/needs-action';
import type { PlanResult } from '../../lib/planning/plan';
import {
  localToday,
  parsePlanningSettings,
  planDay,
  planningSettings,
  toPlanSettings,
} from '../../lib/settings/planning';
import { Empty, Notice, Spinner } from '../ui/primitives';
import { Checklist } from './Checklist';
import { fmtNum } from './format';
import { ImportPanel } from './ImportPanel';
import { PlanTable } from './PlanTable';
import { PoDrafts } from './PoDrafts';
import { SkuChart } from './SkuChart';
import { usePlannerWorker } from './usePlannerWorker';
import './planner.css';
import { queryKeys } from '../../lib/messaging/query-keys';

const settingsQuery = {
  queryKey: queryKeys.settings.planning(),
  queryFn: async () => parsePlanningSettings(await planningSettings.getValue()),
};

/** The SKU the page was opened at (`planner.html?sku=…`, from the popup), read once. */
function skuFromUrl(): string | null {
  const sku = new URLSearchParams(globalThis.location?.search ?? '').get('sku');
  return sku?.trim() ? sku.trim() : null;
}

/**
 * The planner page, decision first: what needs action and the reorder list, then the chart and the
 * PO drafts; the data checks and the import reports are folded into one-line summaries with details.
 */
export function PlannerApp({ createWorker }: { createWorker: () => Worker }) {
  const run = usePlannerWorker(createWorker);
  const queryClient = useQueryClient();
  const settings = useQuery(settingsQuery);
  const [plan, setPlan] = useState<{ result: PlanResult; ms: number } | null>(null);
  const [planning, setPlanning] = useState(false);
  const [planError, setPlanError] = useState<string | null>(null);
  const [openedAt] = useState(skuFromUrl);
  const [selected, setSelected] = useState<string | null>(openedAt);
  const [hasData, setHasData] = useState<boolean | null>(null);
  const today = settings.data ? planDay(settings.data, clock.now()) : null;

  const replan = useCallback(async () => {
    if (!settings.data) return;
    const ready = await canPlan(db());
    setHasData(ready);
    if (!ready) return;
    setPlanning(true);
    setPlanError(null);
    try {
      const done = await run({
        kind: 'plan',
        today: planDay(settings.data, clock.now()),
        settings: toPlanSettings(settings.data),
      });
      setPlan({ result: done.result, ms: done.ms });
      setSelected(
        (s) =>
          s ??
          done.result.lines.find((l) => needsAction(l, done.result.today))?.sku ??
          done.result.lines[0]?.sku ??
          null,
      );
    } catch (error) {
      setPlanError(error instanceof Error ? error.message : String(error));
    } finally {
      setPlanning(false);
    }
  }, [run, settings.data]);

  useEffect(() => {
    void replan();
  }, [replan]);

  const line = useMemo(() => plan?.result.lines.find((l) => l.sku === selected) ?? null, [plan, selected]);
  const series = useMemo(() => plan?.result.series.find((s) => s.sku === selected) ?? null, [plan, selected]);
  const action = plan ? plan.result.lines.filter((l) => needsAction(l, plan.result.today)).length : 0;

  return (
    <div className="page pl-page">
      <div className="page-header">
        <div className="page-logo" aria-hidden="true">
          C
        </div>
        <h1>Planner</h1>
        <span className="cp-spacer" />
        {settings.data ? (
          <label className="cp-row">
            <span className="cp-muted">Plan as of</span>
            <input
              className="cp-input pl-date"
              type="date"
              aria-label="Plan as of"
              value={today ?? ''}
              onChange={async (e) => {
                const value = e.target.value || null;
                const next = { ...settings.data, today: value && value !== localToday(clock.now()) ? value : null };
                await planningSettings.setValue(next);
                queryClient.setQueryData(settingsQuery.queryKey, next);
              }}
            />
          </label>
        ) : null}
        <button className="cp-btn" type="button" onClick={() => void replan()} disabled={planning || !hasData}>
          Re-plan
        </button>
      </div>

      {planning ? (
        <div className="pl-status">
          <Spinner label="Planning in the background…" />
        </div>
      ) : null}
      {planError ? (
        <Notice tone="bad" title="Planning failed">
          {planError}
        </Notice>
      ) : null}

      {today ? <ImportPanel run={run} asOf={today} onImported={() => void replan()} compact={plan !== null} /> : null}

      {hasData === false && !plan ? (
        <section className="card">
          <Empty>Import orders, inventory and the supplier sheet to build a reorder plan.</Empty>
        </section>
      ) : null}

      {plan ? (
        <>
          <section className="pl-summary" aria-label="Plan summary">
            <div>
              <strong>{action}</strong>
              <span>need action now</span>
            </div>
            <div>
              <strong>{plan.result.purchaseOrders.length}</strong>
              <span>PO drafts</span>
            </div>
            <div>
              <strong>{plan.result.lines.length}</strong>
              <span>SKUs planned</span>
            </div>
            <div title={`planned in ${plan.ms} ms`}>
              <strong>{fmtNum(plan.result.demand.historyDays)}</strong>
              <span>days of sales history</span>
            </div>
          </section>
          <Checklist items={plan.result.checklist} />
          <PlanTable
            lines={plan.result.lines}
            today={plan.result.today}
            selected={selected}
            onSelect={setSelected}
            focusSku={openedAt}
          />
          <SkuChart series={series} line={line} />
          <PoDrafts
            today={plan.result.today}
            cash={plan.result.cash}
            plan={plan.result}
            onChanged={() => void replan()}
          />
        </>
      ) : null}
    </div>
  );
}
