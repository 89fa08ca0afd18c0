import type { CheckItem } from '../../lib/planning/quality';
import { Badge } from '../ui/primitives';

/** A failed check as the problem it found ("1 with negative on-hand…"), not its title ("No negative on-hand"). */
const problemWords = (i: CheckItem) => i.detail.split(': ')[0] ?? i.title;

/**
 * The data quality gate as one line above the reorder list: what blocks lines and what to check
 * before ordering, with the full checklist folded behind "details".
 */
export function Checklist({ items }: { items: CheckItem[] }) {
  const errors = items.filter((i) => !i.ok && i.severity === 'error');
  const warnings = items.filter((i) => !i.ok && i.severity === 'warning');
  const passed = items.length - errors.length - warnings.length;
  return (
    <section className="card pl-checks-card" aria-labelledby="checks-title">
      <div className="cp-row pl-checks-head">
        <h2 id="checks-title">Data checks</h2>
        {errors.length ? (
          <Badge tone="bad">
            {errors.length} problem{errors.length === 1 ? '' : 's'} to fix
          </Badge>
        ) : null}
        {warnings.length ? <Badge tone="warn">{warnings.length} to check before ordering</Badge> : null}
        {errors.length + warnings.length === 0 ? <Badge tone="ok">All checks pass</Badge> : null}
        <span className="cp-muted pl-checks-lead">
          {errors.length ? errors.map(problemWords).join(' · ') : `${passed} of ${items.length} pass`}
        </span>
      </div>
      <details className="pl-checks-details">
        <summary>Details of all {items.length} checks</summary>
        <ul className="pl-checks" aria-label="Data quality checklist">
          {[...errors, ...warnings, ...items.filter((i) => i.ok)].map((i) => (
            <li key={i.id} className={i.ok ? 'ok' : i.severity}>
              <span className="pl-check-icon" aria-hidden="true">
                {i.ok ? '✓' : i.severity === 'error' ? '✕' : '!'}
              </span>
              <div>
                <strong>{i.title}</strong>
                {i.ok ? null : <div className="cp-muted">{i.detail}</div>}
              </div>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
