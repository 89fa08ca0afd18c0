import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { callOrThrow } from '../../lib/messaging/client';
import type { InsightsResponse } from '../../lib/messaging/contract/returns';
import { isReasonId, REASON_LABELS } from '../../lib/returns/taxonomy';
import { Badge, Empty, Notice, Spinner } from '../ui/primitives';
import { InsightsChart } from './InsightsChart';
import { InsightsImport } from './InsightsImport';
import { returnsQueries } from './queries';
import './returns.css';

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const reasonLabel = (id: string) => (isReasonId(id) ? REASON_LABELS[id] : id);

/** The return insights page: reasons per SKU / product over time, baseline, alerts, export, and the Loop backfill. */
export function InsightsApp() {
  const [by, setBy] = useState<'sku' | 'product'>('sku');
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const [picked, setPicked] = useState<string | null>(null);
  const insights = useQuery(returnsQueries.insights(by, period));
  const exportCsv = useMutation({
    mutationFn: () => callOrThrow('returns.exportCsv', { by, period }),
    onSuccess: ({ csv, fileName }) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const data = insights.data;
  const selected =
    picked && data?.keys.some((k) => k.key === picked) ? picked : (data?.alerts[0]?.key ?? data?.keys[0]?.key ?? '');
  const keyName = by === 'sku' ? 'SKU' : 'Product';
  const empty = data !== undefined && data.lines === 0;
  // Opened with nothing stored: the import stays first for this visit, so its summary is where the
  // person is looking when the data arrives (the insights then follow below it).
  const [importFirst, setImportFirst] = useState<boolean | null>(null);
  useEffect(() => {
    if (data && importFirst === null) setImportFirst(data.lines === 0);
  }, [data, importFirst]);
  return (
    <div className="page ri-page">
      <div className="page-header ri-top">
        <div className="page-logo" aria-hidden="true">
          C
        </div>
        <h1>Return insights</h1>
        <span className="cp-spacer" />
        <a className="cp-btn small" href={browser.runtime.getURL('/options.html')}>
          Returns policy settings
        </a>
      </div>

      {insights.isPending ? <Spinner label="Counting stored returns…" /> : null}
      {insights.isError ? (
        <Notice tone="bad" title="Insights could not be loaded">
          {insights.error.message}
        </Notice>
      ) : null}

      {data && !empty ? (
        <>
          <Overview data={data} />
          <Alerts data={data} keyName={keyName} onPick={setPicked} />
          <section className="card" aria-labelledby="trend-title">
            <header className="ri-header">
              <h2 id="trend-title">Reasons over time</h2>
              <div className="ri-controls">
                <fieldset className="ri-toggle">
                  <legend className="sr-only">Group by</legend>
                  {(['sku', 'product'] as const).map((v) => (
                    <label key={v} className={by === v ? 'on' : ''}>
                      <input type="radio" name="by" checked={by === v} onChange={() => setBy(v)} />
                      {v === 'sku' ? 'By SKU' : 'By product'}
                    </label>
                  ))}
                </fieldset>
                <fieldset className="ri-toggle">
                  <legend className="sr-only">Period</legend>
                  {(['week', 'month'] as const).map((v) => (
                    <label key={v} className={period === v ? 'on' : ''}>
                      <input type="radio" name="period" checked={period === v} onChange={() => setPeriod(v)} />
                      {v === 'week' ? 'Weekly' : 'Monthly'}
                    </label>
                  ))}
                </fieldset>
                <button
                  className="cp-btn small"
                  type="button"
                  disabled={exportCsv.isPending || data.rows.length === 0}
                  onClick={() => exportCsv.mutate()}
                >
                  Export CSV
                </button>
              </div>
            </header>
            <div className="card-body">
              {data.keys.length ? (
                <label className="cp-field ri-pick">
                  <span>{keyName}</span>
                  <select className="cp-select" value={selected} onChange={(e) => setPicked(e.target.value)}>
                    {data.keys.map((k) => (
                      <option key={k.key} value={k.key}>
                        {k.key} ({k.total})
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              <InsightsChart data={data} selected={selected} />
              {exportCsv.isError ? <Notice tone="bad">{exportCsv.error.message}</Notice> : null}
              {exportCsv.isSuccess ? (
                <p className="cp-muted" role="status">
                  Exported {exportCsv.data.rows} rows to {exportCsv.data.fileName}.
                </p>
              ) : null}
            </div>
          </section>
          <KeyTable data={data} keyName={keyName} selected={selected} onPick={setPicked} />
        </>
      ) : null}
      {/* One element in one place (its import report survives the data arriving); shown first while there is no data. */}
      <div className={(importFirst ?? empty) ? 'ri-first' : ''}>
        <InsightsImport />
      </div>
    </div>
  );
}

function Overview({ data }: { data: InsightsResponse }) {
  return (
    <section className="card" aria-labelledby="overview-title">
      <header>
        <h2 id="overview-title">Catalogue baseline</h2>
        <p>Every return Counterpart has analysed in Loop or imported from a Loop export.</p>
      </header>
      <div className="card-body ri-stats">
        <Stat label="Returned lines" value={data.lines.toLocaleString('en-US')} testId="stat-lines" />
        <Stat label="Returns" value={data.returns.toLocaleString('en-US')} />
        <Stat label="From – to" value={`${day(data.firstAt)} – ${day(data.lastAt)}`} />
        <Stat label="Defect + damage" value={pct(data.baseline.defect)} tone="bad" />
        <Stat label="Sizing" value={pct(data.baseline.sizing)} tone="warn" />
      </div>
    </section>
  );
}

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'bad' | 'warn';
  testId?: string;
}) {
  return (
    <div className={`ri-stat ${tone ?? ''}`}>
      <div className="ri-stat-value" data-testid={testId}>
        {value}
      </div>
      <div className="ri-stat-label">{label}</div>
    </div>
  );
}

const lower = (keyName: string) => (keyName === 'SKU' ? 'SKU' : keyName.toLowerCase());

/** "defect or damage" / "sizing" in a sentence. */
const groupWords = (g: string) => (g === 'defect' ? 'defect or damage' : 'sizing');

function Alerts({ data, keyName, onPick }: { data: InsightsResponse; keyName: string; onPick: (k: string) => void }) {
  const t = data.test;
  return (
    <section className="card" aria-labelledby="alerts-title">
      <header>
        <h2 id="alerts-title">
          Alerts{' '}
          <Badge tone={data.alerts.length ? 'bad' : 'ok'}>
            {data.alerts.length ? `${data.alerts.length} above the usual share` : 'none'}
          </Badge>
        </h2>
        <p>
          A {lower(keyName)} is flagged when it had unusually many returns of one kind in the last {t.windowDays} days —
          more than chance explains, even with many {lower(keyName)}s checked at once.
        </p>
        <details className="ri-details">
          <summary>How alerts are found</summary>
          <p className="ri-test" data-testid="alert-test">
            One-sided exact binomial test per {lower(keyName)} and group (defect + damage, sizing) over the last{' '}
            {t.windowDays} days of data, against the share among all other {lower(keyName)}s. Tested only with at least{' '}
            {t.minReturns} returns and at least {t.minGroupReturns} returns of the group in the window; alerts are
            chosen by Benjamini–Hochberg at a false discovery rate of {t.alpha} over everything tested, so a large
            catalogue does not raise chance alerts.
          </p>
        </details>
      </header>
      <div className="card-body">
        {data.alerts.length === 0 ? (
          <Empty>No {lower(keyName)} has unusually many returns of one kind.</Empty>
        ) : (
          <ul className="ri-alerts">
            {data.alerts.map((a) => (
              <li key={`${a.key}:${a.group}`} className="ri-alert" data-testid="reason-alert">
                <div className="ri-alert-head">
                  <button className="ri-link" type="button" onClick={() => onPick(a.key)}>
                    {a.key}
                  </button>
                  <Badge tone="bad">{a.group === 'defect' ? 'defect + damage' : 'sizing'}</Badge>
                </div>
                <div data-testid="alert-words">
                  Unusually many {groupWords(a.group)} returns for {a.key} from {day(a.windowStart)} to{' '}
                  {day(a.windowEnd)} — unlikely to be chance.
                </div>
                <div>
                  <b>
                    {a.count} of {a.total}
                  </b>{' '}
                  returns ({pct(a.share, 0)}), where {pct(a.baseline)} is usual across the other {lower(keyName)}s.
                </div>
                <details className="ri-details">
                  <summary>Details</summary>
                  <span className="cp-muted">
                    p = {a.pValue.toExponential(1)} (one-sided exact binomial test, kept after the Benjamini–Hochberg
                    correction)
                  </span>
                </details>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function KeyTable({
  data,
  keyName,
  selected,
  onPick,
}: {
  data: InsightsResponse;
  keyName: string;
  selected: string;
  onPick: (k: string) => void;
}) {
  const alerted = new Set(data.alerts.map((a) => a.key));
  if (data.keys.length === 0) return null;
  return (
    <section className="card" aria-labelledby="keys-title">
      <header>
        <h2 id="keys-title">Per {lower(keyName)}</h2>
        <p>All stored returns; shares above the baseline are marked.</p>
      </header>
      <div className="card-body">
        <table className="cp-table ri-keys" aria-label={`Returns per ${lower(keyName)}`}>
          <thead>
            <tr>
              <th scope="col">{keyName}</th>
              <th scope="col" className="num">
                Returns
              </th>
              <th scope="col" className="num">
                Defect + damage
              </th>
              <th scope="col" className="num">
                Sizing
              </th>
              <th scope="col">Top reason</th>
            </tr>
          </thead>
          <tbody>
            {data.keys.map((k) => (
              <tr key={k.key} className={k.key === selected ? 'selected' : ''}>
                <td>
                  <button className="ri-link" type="button" onClick={() => onPick(k.key)}>
                    {k.key}
                  </button>{' '}
                  {alerted.has(k.key) ? <Badge tone="bad">alert</Badge> : null}
                </td>
                <td className="num">{k.total}</td>
                <td className={`num ${k.defectShare > data.baseline.defect ? 'above' : ''}`}>
                  {pct(k.defectShare, 0)}
                </td>
                <td className={`num ${k.sizingShare > data.baseline.sizing ? 'above' : ''}`}>
                  {pct(k.sizingShare, 0)}
                </td>
                <td>{reasonLabel(k.topReason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
