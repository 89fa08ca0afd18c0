import type { ReactNode } from 'react';

export type Tone = 'accent' | 'ok' | 'warn' | 'bad' | 'neutral';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`cp-badge ${tone === 'neutral' ? '' : tone}`} title={title}>
      {children}
    </span>
  );
}

export function Section({
  title,
  aside,
  children,
  label,
}: {
  title: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  label?: string;
}) {
  return (
    <section className="cp-section" aria-label={label}>
      <h2>
        {title}
        {aside ? (
          <>
            <span className="cp-spacer" />
            {aside}
          </>
        ) : null}
      </h2>
      {children}
    </section>
  );
}

export function Notice({
  tone,
  title,
  children,
}: {
  tone: 'info' | 'warn' | 'bad' | 'ok';
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`cp-notice ${tone}`} role={tone === 'bad' ? 'alert' : 'status'}>
      {title ? <strong>{title}</strong> : null}
      {children}
    </div>
  );
}

/**
 * Technical detail folded away (scores, thresholds, rule ids, engine and timing): the decision is
 * shown in plain words first, and the figures are one click away for those who want them.
 */
export function Details({
  summary = 'Details',
  children,
  testId,
}: {
  summary?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <details className="cp-details" data-testid={testId}>
      <summary>{summary}</summary>
      <div className="cp-details-body">{children}</div>
    </details>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="cp-empty">{children}</div>;
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="cp-row cp-muted" role="status">
      <span className="cp-spinner" aria-hidden="true" /> {label}
    </span>
  );
}

export function Progress({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div className="cp-progress">
        <div style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function KeyValues({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="cp-kv">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Rows an import rejected: the line in the file and why (the first `limit`), with the raw cells when `raw`. */
export function RejectedRows({
  rows,
  label,
  limit,
  className = 'cp-table',
  raw = false,
}: {
  rows: ReadonlyArray<{ line: number; reason: string; raw?: readonly string[] }>;
  label: string;
  limit: number;
  className?: string;
  raw?: boolean;
}) {
  return (
    <table className={className} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Reason</th>
          {raw ? <th scope="col">Row</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, limit).map((r) => (
          <tr key={`${r.line}:${r.reason}`}>
            <td>{r.line}</td>
            <td>{r.reason}</td>
            {raw ? (
              <td className="ri-raw" title={(r.raw ?? []).join(', ')}>
                {(r.raw ?? []).slice(0, 4).join(', ')}
                {(r.raw?.length ?? 0) > 4 ? ', …' : ''}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
