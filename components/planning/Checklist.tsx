import type { CheckItem } from '../../lib/planning/quality';
import { Badge } from '../ui/primitives';

/** The data quality gate, shown before the reorder list. */
export function Checklist({ items }: { items: CheckItem[] }) {
  const problems = items.filter((i) => !i.ok);
  return (
    <section className="card" aria-labelledby="checks-title">
      <header className="cp-row">
        <h2 id="checks-title">Data quality</h2>
        <span className="cp-spacer" />
        {problems.length ? (
          <Badge tone="warn">{problems.length} to check before ordering</Badge>
        ) : (
          <Badge tone="ok">All checks pass</Badge>
        )}
      </header>
      <ul className="card-body pl-checks" aria-label="Data quality checklist">
        {items.map((i) => (
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
    </section>
  );
}
