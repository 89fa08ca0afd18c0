import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { type FixableField, fixableMissing } from '../../lib/sites/field-fixes';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { Notice, Section } from '../ui/primitives';

/** The panel's own key for its tab's typed values; under `panel` so a page change refetches it. */
export const fieldFixesKey = [...queryKeys.panel.all, 'field-fixes'] as const;

/** The values the user typed for this tab's record (empty while loading or on error). */
export function useFieldFixes(enabled: boolean): Record<string, string> {
  const q = useQuery({
    queryKey: fieldFixesKey,
    queryFn: () => callOrThrow('sites.fieldFixes', {}),
    enabled,
    networkMode: 'always',
  });
  return q.data?.fixes ?? {};
}

/**
 * "Fill in what is missing": for each field the page did not show that a process can use, an
 * input to type or paste the value. The background keeps it for this tab and record and lays it
 * into the case (entrypoints/background/field-fixes.ts); the panel marks it "from you".
 */
export function FixFields({ snapshot }: { snapshot: Pick<SnapshotEnvelope, 'app' | 'page' | 'missing' | 'entityId'> }) {
  const fields = fixableMissing(snapshot);
  const fixes = useFieldFixes(fields.length > 0);
  if (!fields.length || !snapshot.entityId) return null;
  return (
    <Section title="Fill in what is missing">
      <p className="cp-muted" style={{ marginTop: 0 }}>
        Type or paste what the page did not show. Counterpart uses it for this record in this tab only.
      </p>
      <ul className="fix-fields" data-testid="fix-fields" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {fields.map((f) => (
          <FixOne key={f.field} field={f} value={fixes[f.field] ?? null} />
        ))}
      </ul>
    </Section>
  );
}

function FixOne({ field, value }: { field: FixableField; value: string | null }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (v: string) => callOrThrow('sites.saveFieldFix', { field: field.field, value: v }),
    onSuccess: () => {
      setEditing(false);
      setDraft('');
      // The whole panel view of the tab: the triage and draft are worked out again with the value.
      return queryClient.invalidateQueries({ queryKey: queryKeys.panel.all });
    },
  });
  const id = `fix-${field.field}`;
  if (value && !editing)
    return (
      <li className="cp-row" data-testid={`fixed-${field.field}`} style={{ marginBottom: 8, flexWrap: 'wrap' }}>
        <strong>{field.label}:</strong> <span>{value}</span>
        <span className="cp-muted">from you</span>
        <button
          className="cp-btn"
          type="button"
          onClick={() => {
            setDraft(value);
            setEditing(true);
          }}
        >
          Change
        </button>
        <button className="cp-btn" type="button" disabled={save.isPending} onClick={() => save.mutate('')}>
          Remove
        </button>
      </li>
    );
  return (
    <li style={{ marginBottom: 8 }}>
      <form
        className="cp-row"
        style={{ flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) save.mutate(draft);
        }}
      >
        <label htmlFor={id}>{field.label}</label>
        <input
          id={id}
          className="cp-input"
          data-testid={`fix-input-${field.field}`}
          value={draft}
          maxLength={2000}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="Type or paste it here"
          style={{ flex: '1 1 10em' }}
        />
        <button className="cp-btn primary" type="submit" disabled={save.isPending || !draft.trim()}>
          Add it
        </button>
      </form>
      {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
    </li>
  );
}
