import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { panelQueries } from '../../lib/messaging/queries';
import { Badge, Empty, Notice, Section, Spinner } from '../ui/primitives';
import { useFieldFixes } from './field-fixes-query';
import { PageReportButton } from './PageReportButton';
import { ReadReport, SnapshotSummary } from './SnapshotSummary';
import { UnreadablePage } from './UnreadablePage';
import { usePanelPort } from './usePanelPort';
import { loadViews, viewsFor } from './views';

// The fields' rules bring the schema library: loaded beside the first render, not before it (the
// Gorgias, Shopify and Seller Central panels need no schema library to show their answers).
const FixFields = lazy(() => import('./FixField').then((m) => ({ default: m.FixFields })));
type FieldFixRules = typeof import('../../lib/sites/field-fixes');
const loadFieldFixRules = () => import('../../lib/sites/field-fixes');

const APP_LABELS: Record<string, string> = {
  gorgias: 'Gorgias',
  shopify: 'Shopify admin',
  amazon: 'Seller Central',
  loop: 'Loop Returns',
};

const PAGE_LABELS: Record<string, string> = {
  ticket: 'Ticket',
  return: 'Return',
  product: 'Product',
  inventory: 'Inventory',
  'listing-edit': 'Listing',
  order: 'Order',
};

/** The docked panel: header, the record the page shows, and the view for it. */
export function PanelApp({ appHint }: { appHint: string | null }) {
  usePanelPort();
  const context = useQuery(panelQueries.context());
  const app = context.data?.app ?? appHint ?? '';
  // The app's views were asked for at boot; re-render once they are in.
  const [, setViewsIn] = useState(0);
  useEffect(() => {
    let live = true;
    if (app) void loadViews(app).then(() => live && setViewsIn((n) => n + 1));
    return () => {
      live = false;
    };
  }, [app]);
  const [rules, setRules] = useState<FieldFixRules | null>(null);
  useEffect(() => {
    let live = true;
    void loadFieldFixRules().then((m) => live && setRules(m));
    return () => {
      live = false;
    };
  }, []);
  const appLabel = APP_LABELS[app] ?? 'this app';
  const snapshot = context.data?.snapshot ?? null;
  const { fixes, pointed } = useFieldFixes(Boolean(snapshot?.recognised && snapshot.entityId));
  const report = snapshot ? (
    <PageReportButton
      snapshot={snapshot}
      appLabel={APP_LABELS[snapshot.app] ?? appLabel}
      pasted={Boolean(context.data?.manual)}
      fixed={[...Object.keys(fixes), ...Object.keys(pointed).map((f) => `${f} (read where the user pointed before)`)]}
      version={context.data?.version ?? ''}
    />
  ) : null;

  let body: React.ReactNode;
  if (context.isPending)
    body = (
      <Section title="Loading">
        <Spinner label="Reading the page…" />
      </Section>
    );
  else if (context.isError)
    body = (
      <Section title="Problem">
        <Notice tone="bad" title="Counterpart could not load this panel">
          {context.error.message}
        </Notice>
        <p>
          <button className="cp-btn" type="button" onClick={() => context.refetch()}>
            Try again
          </button>
        </p>
      </Section>
    );
  else if (!snapshot) body = <Empty>Waiting for the page to load…</Empty>;
  else if (!snapshot.recognised || snapshot.page === 'unknown')
    body = (
      <>
        <UnreadablePage context={context.data} appLabel={appLabel} />
        {report}
      </>
    );
  else {
    const found = viewsFor(snapshot.app, snapshot.page);
    const views = found === undefined ? [] : found.length ? found : [SnapshotSummary];
    body = (
      <>
        <ReadReport
          snapshot={snapshot}
          appLabel={APP_LABELS[snapshot.app] ?? appLabel}
          answered={rules ? rules.answeredMissing(snapshot, [...Object.keys(fixes), ...Object.keys(pointed)]) : []}
        />
        {report}
        <Suspense fallback={null}>
          <FixFields snapshot={snapshot} />
        </Suspense>
        {found === undefined ? (
          <Section title="Loading">
            <Spinner label="Loading…" />
          </Section>
        ) : null}
        {views.map((View, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per page kind.
          <View key={i} context={context.data} />
        ))}
      </>
    );
  }

  const ai = context.data?.ai;
  return (
    <div className="panel">
      <header className="panel-header">
        <div className="panel-logo" aria-hidden="true">
          C
        </div>
        <span className="panel-title">Counterpart</span>
        <Badge>{appLabel}</Badge>
        <span className="cp-spacer" />
        {ai ? (
          ai.settings.mode === 'remote' ? (
            <Badge tone="accent" title={ai.settings.baseURL}>
              AI · {ai.settings.model}
            </Badge>
          ) : (
            <Badge title="Rules, small statistical models and templates; nothing leaves the browser.">
              Local engine
            </Badge>
          )
        ) : null}
      </header>
      {snapshot?.recognised && snapshot.page !== 'unknown' ? (
        <div className="panel-record" data-testid="panel-record">
          <div className="cp-muted">
            {PAGE_LABELS[snapshot.page] ?? snapshot.page}
            {snapshot.entityId ? ` · ${snapshot.entityId}` : ''}
          </div>
          <h1>{snapshot.title || 'Untitled'}</h1>
        </div>
      ) : null}
      <main>{body}</main>
      <footer className="panel-footer">
        <span>Counterpart {context.data?.version ?? ''}</span>
        <span>·</span>
        <span>Drafts and flags only. You decide and send.</span>
      </footer>
    </div>
  );
}
