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
