import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { checkFixValue, type FixableField, type FixKind, fixableMissing } from '../../lib/sites/field-fixes';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { Notice, Section } from '../ui/primitives';
import { useFieldFixes } from './field-fixes-query';

/** What each kind of value looks like, as the input's example. */
const EXAMPLE: Record<FixKind, string> = {
  text: 'Type or paste it here',
  email: 'name@example.com',
  money: 'e.g. 68.00',
  date: 'e.g. 2026-11-03 or 3 Nov 2026',
  count: 'e.g. 12',
  list: 'e.g. summer, tees',
  channel: 'e.g. e-mail, chat, WhatsApp',
  outcome: 'refund, exchange or store credit',
};
const INPUT_MODE: Partial<Record<FixKind, 'email' | 'decimal' | 'numeric'>> = {
  email: 'email',
  money: 'decimal',
  count: 'numeric',
};

/**
 * "Fill in what is missing": for each field the page did not show that a process can use, an
 * input to type or paste the value. The background keeps it for this tab and record and lays it
 * into the case (entrypoints/background/field-fixes.ts); the panel marks it "from you".
 */
export function FixFields({ snapshot }: { snapshot: Pick<SnapshotEnvelope, 'app' | 'page' | 'missing' | 'entityId'> }) {
  const fields = fixableMissing(snapshot);
  const { fixes, pointed } = useFieldFixes(fields.length > 0);
  if (!fields.length || !snapshot.entityId) return null;
  return (
    <Section title="Fill in what is missing">
      <p className="cp-muted" style={{ marginTop: 0 }}>
        Type or paste what the page did not show, or point at it on the page. A typed value is used for this record in
        this tab only; a place you point at is remembered for this app.
      </p>
      <ul className="fix-fields" data-testid="fix-fields" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {fields.map((f) => (
          <FixOne key={f.field} field={f} value={fixes[f.field] ?? null} pointed={pointed[f.field] ?? null} />
        ))}
      </ul>
    </Section>
  );
}

function FixOne({ field, value, pointed }: { field: FixableField; value: string | null; pointed: string | null }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  // Checked as the user types once they tried to add it (the background checks again).
  const [tried, setTried] = useState(false);
  const check = checkFixValue(field.kind, draft);
  const invalid = tried && !check.ok ? check.error : null;
  // The whole panel view of the tab: the triage and draft are worked out again with the value.
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.panel.all });
  const save = useMutation({
    mutationFn: (v: string) => callOrThrow('sites.saveFieldFix', { field: field.field, value: v }),
    onSuccess: () => {
      setEditing(false);
      setDraft('');
      setTried(false);
      return refresh();
    },
  });
  const point = useMutation({
    mutationFn: () => callOrThrow('sites.pointAtField', { field: field.field }),
    onSuccess: (answer) => (answer.picked ? refresh() : undefined),
  });
  const id = `fix-${field.field}`;
  const pointButton = (
    <button
      className="cp-btn"
      type="button"
      disabled={point.isPending}
      title="Click the value on the page, or press Tab there to go through its texts and Enter to pick one; Counterpart remembers where it is for this app."
      onClick={() => point.mutate()}
    >
      {point.isPending ? 'Waiting: click it, or Tab + Enter…' : 'Point at it'}
    </button>
  );
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
          setTried(true);
          if (check.ok) save.mutate(check.value);
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
          placeholder={EXAMPLE[field.kind]}
          inputMode={INPUT_MODE[field.kind]}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          style={{ flex: '1 1 10em' }}
        />
        <button className="cp-btn primary" type="submit" disabled={save.isPending || !draft.trim()}>
          Add it
        </button>
        {pointButton}
      </form>
      {pointed && !editing ? (
        <p className="cp-muted" data-testid={`pointed-${field.field}`} style={{ margin: '4px 0 0' }}>
          Using <strong>{pointed}</strong>, read where you pointed before on this app.
        </p>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} className="fix-error" data-testid={`fix-error-${field.field}`} role="alert">
          {invalid}
        </p>
      ) : null}
      {point.isSuccess && !point.data.picked ? <p className="cp-muted">Nothing was picked.</p> : null}
      {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
      {point.isError ? <Notice tone="bad">{point.error.message}</Notice> : null}
    </li>
  );
}
