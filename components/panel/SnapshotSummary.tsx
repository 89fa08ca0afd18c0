import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { KeyValues, Notice, Section } from '../ui/primitives';
import type { PanelContext } from './types';

/** Plain display of what the adapter read: scalars as text, lists as counts. Renders text only. */
export function SnapshotSummary({ context }: { context: PanelContext }) {
  const data = context.snapshot?.data;
  const rows: Array<[string, string]> = [];
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (value === null || value === undefined || value === '') continue;
      if (Array.isArray(value)) rows.push([label(key), `${value.length} item${value.length === 1 ? '' : 's'}`]);
      else if (typeof value === 'object') continue;
      else rows.push([label(key), String(value).slice(0, 300)]);
    }
  }
  return (
    <Section title="What Counterpart read">
      {rows.length ? <KeyValues rows={rows} /> : <p className="cp-muted">Nothing structured on this page.</p>}
    </Section>
  );
}

function label(key: string): string {
  const spaced = key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const SOURCE_TEXT: Record<string, (app: string) => string> = {
  api: (app) => `Read from ${app}’s data`,
  dom: () => 'Read from the page',
  user: () => 'From the text you pasted',
};

/**
 * Where the page's data came from (the app's own data, the page, or the user), what the process
 * needs that could not be read (by name), and what was read with low certainty. Never silent:
 * a partial read says so, and the panel works from what was read.
 */
export function ReadReport({
  snapshot,
  appLabel,
  answered = [],
}: {
  snapshot: Pick<SnapshotEnvelope, 'source' | 'missing' | 'uncertain'> & { data?: unknown };
  appLabel: string;
  /** Missing parts the user filled in (FixField.tsx): still listed, marked as given by the user. */
  answered?: string[];
}) {
  const source = SOURCE_TEXT[snapshot.source ?? 'dom']?.(appLabel) ?? 'Read from the page';
  // Two roads in: the snapshot's own list (Gorgias, Loop) and the page data's `lowCertainty` (Shopify, Seller Central).
  const uncertain = [...(snapshot.uncertain ?? []), ...lowCertaintyOf(snapshot.data)];
  return (
    <>
      <p className="cp-muted read-source" data-testid="read-source" style={{ margin: 0, padding: '10px 20px 0' }}>
        {source}
      </p>
      {snapshot.missing.length || uncertain.length ? (
        <Section title="Partly read">
          {snapshot.missing.length ? (
            <Notice tone="warn" title="Some parts of the page were not found">
              <ul className="missing-list" data-testid="missing-list">
                {snapshot.missing.map((m) => (
                  <li key={m}>
                    {m}
                    {answered.includes(m) ? <span className="cp-muted"> — filled in by you</span> : null}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          {uncertain.length ? (
            <Notice tone="warn" title="Read, but not certain">
              <ul className="missing-list" data-testid="uncertain-list">
                {uncertain.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

/** The facts an adapter marked as read but not for certain in the page data (text only, at most 20). */
function lowCertaintyOf(data: unknown): string[] {
  const list = data && typeof data === 'object' ? (data as { lowCertainty?: unknown }).lowCertainty : undefined;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, 20) : [];
}
