import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { call, callOrThrow } from '../../lib/messaging/client';
import type { EditorPanel } from '../../lib/messaging/contract/listings';
import { queryKeys } from '../../lib/messaging/query-keys';
import type { PanelContext } from '../panel/types';
import { Badge, Empty, Notice, Section, Spinner } from '../ui/primitives';
import { listingsQueries } from './queries';
import { countsLabel, groupByField, policyLabel, SeverityBadge } from './shared';
import './listings.css';

type Suggestion = EditorPanel['suggestions'][number];
type Finding = EditorPanel['findings'][number];
/** One field written by Apply: what it held before, for Undo. */
type Applied = { field: string; label: string; previous: string; value: string };

/**
 * Seller Central listing editor: the verdict first, then the must-fix fields in page order (each card
 * shows its field on the page when clicked), advice and the canonical comparison folded.
 */
export function EditorSection({ context }: { context: PanelContext }) {
  const q = useQuery(listingsQueries.editor(context.snapshot?.entityId ?? null));
  const marksKey = useRef('');
  // The last Apply (one field or a batch), kept here so Undo survives the re-read that follows it.
  const [applied, setApplied] = useState<Applied[] | null>(null);

  // Outline the violations next to the fields themselves whenever the findings change.
  useEffect(() => {
    if (!q.data) return;
    const key = JSON.stringify(q.data.marks);
    if (key === marksKey.current) return;
    marksKey.current = key;
    void call('page.write', { action: 'markFields', marks: q.data.marks });
  }, [q.data]);

  if (q.isPending)
    return (
      <Section title="Listing check" label="Listing check">
        <Spinner label="Checking the listing…" />
      </Section>
    );
  if (q.isError)
    return (
      <Section title="Listing check" label="Listing check">
        <Notice tone="bad" title="Could not check this listing">
          {q.error.message}
        </Notice>
      </Section>
    );
  const d = q.data;
  const byField = groupByField(d.findings);
  const mustFixFields = byField.filter(([, fs]) => fs.some((f) => f.severity !== 'recommendation'));
  const adviceFields = byField.filter(([, fs]) => fs.every((f) => f.severity === 'recommendation'));
  const sugg = new Map(d.suggestions.filter((s) => s.kind === 'fix').map((s) => [s.field, s]));
  const batch = d.specialistOwned ? [] : d.suggestions.filter((s) => s.kind === 'fix' && s.clean);
  return (
    <>
      <Section title="Listing check" label="Listing check" aside={<VerdictBadge verdict={d.verdict} />}>
        <p className="ls-verdict" data-testid="listing-counts">
          {d.verdict === 'fail'
            ? `Not ready to submit: ${countsLabel(d.counts.mustFix, d.counts.advice)}.`
            : d.verdict === 'warn'
              ? `Ready to submit, with ${countsLabel(0, d.counts.advice)}.`
              : 'Ready to submit: no rule is broken.'}
        </p>
        {d.status && d.status.status !== 'active' ? (
          <Notice
            tone={d.status.status === 'suppressed' ? 'bad' : 'warn'}
            title={`Amazon says: listing ${d.status.status}`}
          >
            {d.status.reason ?? 'See the alert on the page.'}
          </Notice>
        ) : null}
        {d.specialistOwned ? (
          <Notice tone="warn" title="Specialist-owned SKU">
            On the protected list: apply fixes one at a time after review. Price changes are flagged, never proposed.
          </Notice>
        ) : null}
        {d.priceFlags.map((f) => (
          <Notice key={f.message} tone="warn" title={`Price · ${f.sku}`}>
            {f.message}
          </Notice>
        ))}
        <FixAll batch={batch} applied={applied} onApplied={setApplied} />
        <details className="ls-details">
          <summary>Details</summary>
          <p>
            Amazon rules, {policyLabel(d.policy)}. Fields with problems are outlined on the page; images are not read on
            this tab. “Must fix” blocks submission or gets the listing suppressed; “advice” is best practice.
          </p>
        </details>
      </Section>

      <Section
        title="Must fix"
        label="Must fix"
        aside={<Badge tone={d.counts.mustFix ? 'bad' : 'ok'}>{d.counts.mustFix}</Badge>}
      >
        {mustFixFields.length === 0 ? (
          <Empty>Nothing blocks or suppresses this listing.</Empty>
        ) : (
          <div className="ls-list" data-testid="violations">
            {mustFixFields.map(([field, fs]) => (
              <ViolationCard
                key={field}
                field={field}
                label={d.labels[field] ?? field}
                findings={fs}
                suggestion={sugg.get(field)}
                onApplied={setApplied}
              />
            ))}
          </div>
        )}
      </Section>

      {adviceFields.length ? (
        <section className="cp-section" aria-label="Advice">
          <details className="ls-fold">
            <summary>
              <h2>Advice</h2>
              <Badge>{d.counts.advice}</Badge>
            </summary>
            <div className="ls-list" data-testid="advice">
              {adviceFields.map(([field, fs]) => (
                <ViolationCard
                  key={field}
                  field={field}
                  label={d.labels[field] ?? field}
                  findings={fs}
                  suggestion={sugg.get(field)}
                  onApplied={setApplied}
                />
              ))}
            </div>
          </details>
        </section>
      ) : null}

      <CanonicalSection d={d} ai={context.ai.settings.mode === 'remote'} onApplied={setApplied} />
    </>
  );
}

function VerdictBadge({ verdict }: { verdict: EditorPanel['verdict'] }) {
  return (
    <Badge tone={verdict === 'fail' ? 'bad' : verdict === 'warn' ? 'warn' : 'ok'}>
      {verdict === 'fail' ? 'Not ready' : verdict === 'warn' ? 'Ready, with advice' : 'Ready'}
    </Badge>
  );
}

/** Shows a field on the page: scrolled into view with a ring, next to its violation outline. */
function showOnPage(field: string) {
  void call('page.write', { action: 'focusField', field });
}

/** Writes values into the page's form one field at a time, reading each field first so Undo restores it. */
async function writeFields(items: readonly { field: string; label: string; value: string; fallback: string }[]) {
  const done: Applied[] = [];
  const failed: string[] = [];
  for (const s of items) {
    const before = await call('page.write', { action: 'readField', field: s.field });
    const previous = before.ok && before.data.done ? (before.data.value ?? s.fallback) : s.fallback;
    const r = await callOrThrow('page.write', { action: 'fillField', field: s.field, value: s.value });
    if (r.done) done.push({ field: s.field, label: s.label, previous, value: s.value });
    else failed.push(s.label);
  }
  return { done, failed };
}

function useWrite(onApplied: (a: Applied[] | null) => void, source: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (items: Suggestion[]) => {
      const { done, failed } = await writeFields(
        items.map((s) => ({ field: s.field, label: s.label, value: s.proposed, fallback: s.current })),
      );
      for (const a of done) void call('listings.logApply', { field: a.field, value: a.value, source });
      onApplied(done.length ? done : null);
      if (failed.length) throw new Error(`Not filled: ${failed.join(', ')}`);
      return done;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.listings.editorAll() }),
  });
}

/** Fix all: a preview of every change (before → after, per field), then Apply, then Undo. */
function FixAll({
  batch,
  applied,
  onApplied,
}: {
  batch: Suggestion[];
  applied: Applied[] | null;
  onApplied: (a: Applied[] | null) => void;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [skip, setSkip] = useState<Set<string>>(new Set());
  const [undone, setUndone] = useState<number | null>(null);
  const apply = useWrite((a) => {
    setUndone(null);
    onApplied(a);
  }, 'bulk');
  const undo = useMutation({
    mutationFn: async (items: Applied[]) => {
      const { done, failed } = await writeFields(
        [...items].reverse().map((a) => ({ field: a.field, label: a.label, value: a.previous, fallback: a.value })),
      );
      for (const a of done) void call('listings.logApply', { field: a.field, value: a.value, source: 'undo' });
      if (failed.length) throw new Error(`Not restored: ${failed.join(', ')}`);
      return done.length;
    },
    onSuccess: (n) => {
      setUndone(n);
      onApplied(null);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.listings.editorAll() }),
  });
  const chosen = batch.filter((s) => !skip.has(s.field));
  return (
    <div className="ls-fixall" data-testid="fix-all">
      {applied ? (
        <div className="cp-notice ok" role="status" data-testid="applied">
          <strong>
            Filled {applied.length} field{applied.length === 1 ? '' : 's'} in the form:{' '}
            {applied.map((a) => a.label).join(', ')}.
          </strong>
          Nothing is saved until you press Save on Seller Central.
          <div className="ls-actions">
            <button
              type="button"
              className="cp-btn small"
              disabled={undo.isPending}
              onClick={() => undo.mutate(applied)}
            >
              {undo.isPending ? 'Restoring…' : 'Undo'}
            </button>
          </div>
        </div>
      ) : null}
      {undone !== null ? (
        <span className="cp-muted" role="status">
          Restored {undone} field{undone === 1 ? '' : 's'} to what the page held before.
        </span>
      ) : null}
      {undo.isError ? (
        <Notice tone="bad" title="Undo incomplete">
          {undo.error.message}
        </Notice>
      ) : null}
      {batch.length > 0 && !open ? (
        <div className="ls-actions">
          <button
            type="button"
            className="cp-btn primary"
            onClick={() => {
              setSkip(new Set());
              setOpen(true);
            }}
          >
            Review {batch.length} fix{batch.length === 1 ? '' : 'es'}
          </button>
          <span className="cp-muted" style={{ fontSize: 11.5 }}>
            Only fields that break a rule; you see every change first.
          </span>
        </div>
      ) : null}
      {open ? (
        <fieldset className="ls-preview" aria-label="Changes to apply">
          <legend>
            {chosen.length} of {batch.length} change{batch.length === 1 ? '' : 's'} selected
          </legend>
          <ol className="ls-list">
            {batch.map((s) => (
              <li key={s.field} className="ls-change" data-testid={`change-${s.field}`}>
                <label className="ls-change-head">
                  <input
                    type="checkbox"
                    checked={!skip.has(s.field)}
                    onChange={(e) => {
                      const next = new Set(skip);
                      if (e.target.checked) next.delete(s.field);
                      else next.add(s.field);
                      setSkip(next);
                    }}
                  />
                  <span>{s.label}</span>
                  {s.mustFix ? null : <Badge>advice</Badge>}
                </label>
                <div className="ls-before">
                  <span className="lbl">Before</span> {s.current || '(empty)'}
                </div>
                <div className="ls-after">
                  <span className="lbl">After</span> {s.proposed || '(empty: remove this field’s text)'}
                </div>
                <ul className="ls-words">
                  {s.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
                {s.note ? <p className="ls-note">{s.note}</p> : null}
              </li>
            ))}
          </ol>
          <div className="ls-actions">
            <button
              type="button"
              className="cp-btn primary"
              disabled={apply.isPending || chosen.length === 0}
              onClick={() => apply.mutate(chosen, { onSuccess: () => setOpen(false) })}
            >
              {apply.isPending ? 'Filling…' : `Apply ${chosen.length} change${chosen.length === 1 ? '' : 's'}`}
            </button>
            <button type="button" className="cp-btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : null}
      {apply.isError ? (
        <Notice tone="bad" title="Some fields were not filled">
          {apply.error.message}
        </Notice>
      ) : null}
    </div>
  );
}

/** One field's findings, its fix (before → after in plain words) and the technical detail folded. */
function ViolationCard({
  field,
  label,
  findings,
  suggestion: s,
  onApplied,
}: {
  field: string;
  label: string;
  findings: Finding[];
  suggestion: Suggestion | undefined;
  onApplied: (a: Applied[] | null) => void;
}) {
  const apply = useWrite(onApplied, s?.source ?? 'rule-fix');
  const onPage = !/^(images|variants)/.test(field);
  return (
    <div className="ls-group ls-card" data-field={field} data-testid={`violation-${field}`}>
      <header>
        {onPage ? (
          <button
            type="button"
            className="ls-card-head"
            onClick={() => showOnPage(field)}
            title="Show this field on the page"
          >
            {label}
            <span aria-hidden="true"> ↓</span>
          </button>
        ) : (
          <span>{label}</span>
        )}
      </header>
      {findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: findings of one field keep their order.
        <div className="ls-finding" key={i}>
          <SeverityBadge severity={f.severity} />
          <div>
            {f.plain}
            {f.review ? <span className="ls-review"> · needs your review</span> : null}
          </div>
        </div>
      ))}
      {s ? (
        <div className="ls-fix">
          <div className="ls-after">
            <span className="lbl">Fix</span> {s.proposed || '(remove this text)'}
          </div>
          <ul className="ls-words">
            {s.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          {s.note ? <p className="ls-note">{s.note}</p> : null}
          <div className="ls-actions">
            <button
              type="button"
              className="cp-btn small"
              disabled={apply.isPending}
              aria-label={`Apply fix to ${label}`}
              onClick={() => apply.mutate([s])}
            >
              {apply.isPending ? 'Applying…' : 'Apply'}
            </button>
            {!s.clean ? <Badge tone="warn">Still breaks a rule</Badge> : null}
          </div>
          {apply.isError ? (
            <Notice tone="bad" title="Not applied">
              {apply.error.message}
            </Notice>
          ) : null}
        </div>
      ) : onPage ? (
        <p className="cp-muted ls-note">No automatic fix: edit the field on the page.</p>
      ) : null}
      <details className="ls-details">
        <summary>Details</summary>
        <ul>
          {findings.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: same order as above.
            <li key={i}>
              <code>{f.rule}</code> on <code>{f.field}</code>: {f.message}
            </li>
          ))}
          {s ? (
            <li>
              Fix from {s.source === 'canonical' ? 'the canonical product' : 'the rules’ own fixes on the live text'}
              {s.fixes.length ? `; clears ${s.fixes.join(', ')}` : ''}
              {s.adds.length ? `; adds ${s.adds.join(', ')}` : ''}.
            </li>
          ) : null}
        </ul>
      </details>
    </div>
  );
}

/** The canonical comparison, folded: which fields differ, and the canonical text to use one field at a time. */
function CanonicalSection({
  d,
  ai,
  onApplied,
}: {
  d: EditorPanel;
  ai: boolean;
  onApplied: (a: Applied[] | null) => void;
}) {
  const catalogue = browser.runtime.getURL('/catalogue.html');
  const changed = d.drift.filter((e) => e.status !== 'same');
  const syncs = d.suggestions.filter((s) => s.kind === 'sync');
  return (
    <section className="cp-section" aria-label="Canonical product">
      <details className="ls-fold">
        <summary>
          <h2>Canonical product</h2>
          {!d.canonical ? (
            <Badge>not found</Badge>
          ) : changed.length ? (
            <Badge tone="warn">
              {changed.length} field{changed.length === 1 ? '' : 's'} differ
            </Badge>
          ) : (
            <Badge tone="ok">In sync</Badge>
          )}
        </summary>
        {!d.canonical ? (
          <Notice tone="info" title="No canonical product for this SKU">
            Open the product in Shopify admin once: Counterpart captures it as canonical and matches it here by SKU (or
            barcode).
          </Notice>
        ) : (
          <>
            <p className="cp-muted" style={{ fontSize: 12, marginBottom: 6 }}>
              Against the Amazon version derived from{' '}
              <a className="ls-link" href={catalogue} target="_blank" rel="noreferrer">
                {d.canonical.title.length > 48 ? `${d.canonical.title.slice(0, 46)}…` : d.canonical.title}
              </a>{' '}
              (version {d.canonical.version}, {d.canonical.variantSku}, matched by{' '}
              {d.canonical.matchedBy === 'sku' ? 'SKU' : 'barcode'}). Fields that differ without breaking a rule are
              never changed by “Review fixes”.
            </p>
            {changed.length === 0 ? (
              <Empty>Every field matches the canonical version.</Empty>
            ) : (
              <table className="ls-table" data-testid="drift">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Canonical and live values</th>
                  </tr>
                </thead>
                <tbody>
                  {changed.map((e) => (
                    <tr key={e.field}>
                      <td style={{ whiteSpace: 'nowrap' }}>{d.labels[e.field] ?? e.field}</td>
                      <td>
                        <div className="ls-diff">
                          <span>
                            <span className="lbl">Canonical </span>
                            <span className="now">{short(e.canonical) || '—'}</span>
                          </span>
                          <span>
                            <span className="lbl">Live </span>
                            <span className="was">{short(e.live) || '—'}</span>
                          </span>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {syncs.length ? (
              <div className="ls-list" style={{ marginTop: 8 }}>
                {syncs.map((s) => (
                  <SyncCard key={s.field} s={s} onApplied={onApplied} />
                ))}
              </div>
            ) : null}
          </>
        )}
        {ai ? <RewriteTitle onApplied={onApplied} /> : null}
      </details>
    </section>
  );
}

function short(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? v.toFixed(2) : v;
  return s.length > 160 ? `${s.slice(0, 158)}…` : s;
}

/** A field that breaks no rule but differs from canonical: the canonical text, to use on purpose, one at a time. */
function SyncCard({ s, onApplied }: { s: Suggestion; onApplied: (a: Applied[] | null) => void }) {
  const apply = useWrite(onApplied, 'canonical');
  return (
    <div className="ls-sugg" data-testid={`suggestion-${s.field}`}>
      <header>
        {s.label}
        <span className="cp-spacer" />
        <Badge>no rule broken</Badge>
      </header>
      <div className="ls-proposed">{s.proposed}</div>
      <div className="ls-current">
        <b>Live:</b> {s.current || '(empty)'}
      </div>
      <div className="ls-actions">
        <button
          type="button"
          className="cp-btn small"
          disabled={apply.isPending}
          aria-label={`Use canonical text for ${s.label}`}
          onClick={() => apply.mutate([s])}
        >
          {apply.isPending ? 'Applying…' : 'Use canonical text'}
        </button>
      </div>
      {apply.isError ? (
        <Notice tone="bad" title="Not applied">
          {apply.error.message}
        </Notice>
      ) : null}
    </div>
  );
}

function RewriteTitle({ onApplied }: { onApplied: (a: Applied[] | null) => void }) {
  const rewrite = useMutation({ mutationFn: () => callOrThrow('listings.rewrite', { field: 'title' }) });
  const r = rewrite.data;
  const apply = useWrite(onApplied, r ? `${r.provider}:${r.model}`.slice(0, 40) : 'rewrite');
  return (
    <div className="ls-sugg" style={{ marginTop: 8 }} data-testid="rewrite">
      <header>
        Rewrite title for search
        <span className="cp-spacer" />
        <button type="button" className="cp-btn small" disabled={rewrite.isPending} onClick={() => rewrite.mutate()}>
          {rewrite.isPending ? 'Writing…' : r ? 'Again' : 'Rewrite for search'}
        </button>
      </header>
      {rewrite.isError ? (
        <Notice tone="bad" title="No rewrite">
          {rewrite.error.message}
        </Notice>
      ) : null}
      {r ? (
        <>
          <div className="ls-proposed">{r.text}</div>
          {r.notice ? (
            <span className="cp-muted" style={{ fontSize: 12 }}>
              {r.notice}
            </span>
          ) : null}
          {r.findings.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: re-check findings keep their order.
            <div className="ls-finding" key={i}>
              <SeverityBadge severity={f.severity} />
              <div>{f.message}</div>
            </div>
          ))}
          <div className="ls-actions">
            <button
              type="button"
              className="cp-btn primary small"
              disabled={!r.ready || apply.isPending}
              title={r.ready ? undefined : 'The rewrite still breaks a rule'}
              aria-label="Apply rewritten title"
              onClick={() =>
                apply.mutate([
                  {
                    field: 'title',
                    label: 'Item name',
                    current: '',
                    proposed: r.text,
                    fixes: [],
                    source: 'canonical',
                    clean: r.ready,
                    kind: 'fix',
                    mustFix: false,
                    changes: [],
                    note: null,
                    adds: [],
                  },
                ])
              }
            >
              Apply
            </button>
            <Badge tone={r.ready ? 'ok' : 'bad'}>{r.ready ? 'Passes the Amazon rules' : 'Breaks a rule'}</Badge>
            <span className="cp-spacer" />
            <span className="ls-rule">{r.model}</span>
          </div>
        </>
      ) : null}
    </div>
  );
}
