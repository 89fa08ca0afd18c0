import { KeyValues, Section } from '../ui/primitives';
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
