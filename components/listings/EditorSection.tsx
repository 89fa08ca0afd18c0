import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { call, callOrThrow } from '../../lib/messaging/client';
import type { EditorPanel } from '../../lib/messaging/contract/listings';
import type { PanelContext } from '../panel/types';
import { Badge, Empty, Notice, Section, Spinner } from '../ui/primitives';
import { listingsQueries } from './queries';
import { FindingLine, groupByField, policyLabel, SeverityBadge } from './shared';
import './listings.css';
import { queryKeys } from '../../lib/messaging/query-keys';

type Suggestion = EditorPanel['suggestions'][number];

/** Seller Central listing editor: violations at their fields and here, drift from canonical, suggestions to apply. */
export function EditorSection({ context }: { context: PanelContext }) {
  const q = useQuery(listingsQueries.editor(context.snapshot?.entityId ?? null));
  const marksKey = useRef('');

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
  const blocking = d.findings.filter((f) => f.severity === 'blocks_submission').length;
  const suppressing = d.findings.filter((f) => f.severity === 'suppresses_listing').length;
  const advice = d.findings.length - blocking - suppressing;
  return (
    <>
      <Section
        title="Listing check"
        label="Listing check"
        aside={
          <Badge tone={d.verdict === 'fail' ? 'bad' : d.verdict === 'warn' ? 'warn' : 'ok'}>
            {d.verdict === 'fail' ? 'Not ready' : d.verdict === 'warn' ? 'Ready, with advice' : 'Ready'}
          </Badge>
        }
      >
        <div className="ls-summary">
          {blocking ? <Badge tone="bad">{blocking} blocking</Badge> : null}
          {suppressing ? <Badge tone="warn">{suppressing} suppressing</Badge> : null}
          {advice ? <Badge>{advice} advice</Badge> : null}
          {d.specialistOwned ? (
            <Badge tone="warn" title="On the protected list: suggestions only, no bulk apply, prices flagged">
              Specialist-owned
            </Badge>
          ) : null}
        </div>
        {d.status && d.status.status !== 'active' ? (
          <Notice tone={d.status.status === 'suppressed' ? 'bad' : 'warn'} title={`Listing ${d.status.status}`}>
            {d.status.reason ?? 'See the alert on the page.'}
          </Notice>
        ) : null}
        <p className="cp-muted" style={{ fontSize: 12, marginTop: 6 }}>
          Amazon rules, {policyLabel(d.policy)}. Fields with problems are outlined on the page; images are not read on
          this tab.
        </p>
      </Section>

      <Section title="Violations by field" label="Violations by field">
        {d.findings.length === 0 ? (
          <Empty>No rule is broken on this listing.</Empty>
        ) : (
          <div className="ls-list" data-testid="violations">
            {groupByField(d.findings).map(([field, fs]) => (
              <div key={field} className="ls-group" data-field={field}>
                <header>
                  {d.labels[field] ?? field}
                  <span className="cp-spacer" />
                  <span className="ls-rule">{field}</span>
                </header>
                {fs.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings of one field keep their order.
                  <FindingLine key={i} {...f} />
                ))}
              </div>
            ))}
          </div>
        )}
      </Section>

      <DriftSection d={d} />
      <SuggestionsSection d={d} ai={context.ai.settings.mode === 'remote'} />
    </>
  );
}

function DriftSection({ d }: { d: EditorPanel }) {
  const catalogue = browser.runtime.getURL('/catalogue.html');
  if (!d.canonical)
    return (
      <Section title="Drift from canonical" label="Drift from canonical">
        <Notice tone="info" title="No canonical product for this SKU">
          Open the product in Shopify admin once: Counterpart captures it as canonical and matches it here by SKU (or
          GTIN).
        </Notice>
      </Section>
    );
  const changed = d.drift.filter((e) => e.status !== 'same');
  return (
    <Section
      title="Drift from canonical"
      label="Drift from canonical"
      aside={changed.length ? <Badge tone="warn">{changed.length} fields</Badge> : <Badge tone="ok">In sync</Badge>}
    >
      <p className="cp-muted" style={{ fontSize: 12, marginBottom: 6 }}>
        Against the Amazon variant derived from{' '}
        <a className="ls-link" href={catalogue} target="_blank" rel="noreferrer">
          {d.canonical.title.length > 48 ? `${d.canonical.title.slice(0, 46)}…` : d.canonical.title}
        </a>{' '}
        (v{d.canonical.version}, {d.canonical.variantSku}, matched by {d.canonical.matchedBy === 'sku' ? 'SKU' : 'GTIN'}
        ).
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
                <td style={{ whiteSpace: 'nowrap' }}>
                  {d.labels[e.field] ?? e.field}
                  <div className="ls-rule">{e.status.replace('_', ' ')}</div>
                </td>
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
    </Section>
  );
}

function short(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? v.toFixed(2) : v;
  return s.length > 160 ? `${s.slice(0, 158)}…` : s;
}

function SuggestionsSection({ d, ai }: { d: EditorPanel; ai: boolean }) {
  return (
    <Section
      title="Suggestions"
      label="Suggestions"
      aside={d.suggestions.length ? <Badge>{d.suggestions.length}</Badge> : undefined}
    >
      {d.specialistOwned ? (
        <Notice tone="warn" title="Specialist-owned SKU">
          Suggestions only: apply them one at a time after review. Price changes are flagged, never proposed.
        </Notice>
      ) : null}
      {d.priceFlags.map((f) => (
        <Notice key={f.message} tone="warn" title={`Price · ${f.sku}`}>
          {f.message}
        </Notice>
      ))}
      {!d.specialistOwned && d.suggestions.some(bulkable) ? <ApplyAll suggestions={d.suggestions} /> : null}
      {d.suggestions.length === 0 ? (
        <Empty>Nothing to suggest: the fields match the canonical-derived variant.</Empty>
      ) : (
        <div className="ls-list" style={{ marginTop: 6 }}>
          {d.suggestions.map((s) => (
            <SuggestionCard key={s.field} s={s} />
          ))}
        </div>
      )}
      {ai ? <RewriteTitle /> : null}
      <p className="cp-muted" style={{ fontSize: 11.5, marginTop: 8 }}>
        Apply fills the field in the form; nothing is saved until you press Save on Seller Central.
      </p>
    </Section>
  );
}

/** Bulk apply takes text fields whose proposal passes the rules; prices are always one at a time. */
const bulkable = (s: Suggestion) => s.clean && s.field !== 'price' && s.field !== 'list_price';

function ApplyAll({ suggestions }: { suggestions: Suggestion[] }) {
  const qc = useQueryClient();
  const todo = suggestions.filter(bulkable);
  const [done, setDone] = useState(0);
  const run = useMutation({
    mutationFn: async () => {
      setDone(0);
      const failed: string[] = [];
      for (const s of todo) {
        const r = await callOrThrow('page.write', { action: 'fillField', field: s.field, value: s.proposed });
        if (r.done) void call('listings.logApply', { field: s.field, value: s.proposed, source: `bulk:${s.source}` });
        else failed.push(s.label);
        setDone((n) => n + 1);
      }
      if (failed.length) throw new Error(`Not filled: ${failed.join(', ')}`);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.listings.editorAll() }),
  });
  return (
    <div className="ls-actions" style={{ margin: '6px 0' }}>
      <button type="button" className="cp-btn small" disabled={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? `Filling ${done} of ${todo.length}…` : `Apply all ${todo.length} that pass the rules`}
      </button>
      <span className="cp-muted" style={{ fontSize: 11.5 }}>
        Text fields only; prices one at a time.
      </span>
      {run.isError ? (
        <Notice tone="bad" title="Some fields were not filled">
          {run.error.message}
        </Notice>
      ) : null}
    </div>
  );
}

function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ field, value, source }: { field: string; value: string; source: string }) => {
      const r = await callOrThrow('page.write', { action: 'fillField', field, value });
      if (!r.done) throw new Error(r.message);
      void call('listings.logApply', { field, value, source });
      return r;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.listings.editorAll() }),
  });
}

function SuggestionCard({ s }: { s: Suggestion }) {
  const apply = useApply();
  const [shown, setShown] = useState(false);
  return (
    <div className="ls-sugg" data-testid={`suggestion-${s.field}`}>
      <header>
        {s.label}
        <span className="cp-spacer" />
        {s.clean ? <Badge tone="ok">Passes rules</Badge> : <SeverityBadge severity="recommendation" />}
      </header>
      <div className="ls-proposed">{s.proposed}</div>
      {shown ? (
        <div className="ls-current">
          <b>Now:</b> {s.current || '(empty)'}
        </div>
      ) : null}
      <div className="ls-actions">
        <button
          type="button"
          className="cp-btn primary small"
          disabled={apply.isPending}
          aria-label={`Apply to ${s.label}`}
          onClick={() => apply.mutate({ field: s.field, value: s.proposed, source: s.source })}
        >
          {apply.isPending ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className="cp-btn small" onClick={() => setShown((v) => !v)} aria-expanded={shown}>
          {shown ? 'Hide current' : 'Show current'}
        </button>
      </div>
      <div className="ls-rule">
        {s.source === 'canonical' ? 'From the canonical product' : 'The rule’s own fix'}
        {s.fixes.length ? ` · fixes ${s.fixes.join(', ')}` : ''}
      </div>
      {apply.isError ? (
        <Notice tone="bad" title="Not applied">
          {apply.error.message}
        </Notice>
      ) : null}
      {apply.isSuccess ? (
        <span className="cp-muted" style={{ fontSize: 12 }}>
          Filled in the form. Review, then save on the page.
        </span>
      ) : null}
    </div>
  );
}

function RewriteTitle() {
  const rewrite = useMutation({ mutationFn: () => callOrThrow('listings.rewrite', { field: 'title' }) });
  const apply = useApply();
  const r = rewrite.data;
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
            <FindingLine key={i} {...f} />
          ))}
          <div className="ls-actions">
            <button
              type="button"
              className="cp-btn primary small"
              disabled={!r.ready || apply.isPending}
              title={r.ready ? undefined : 'The rewrite still breaks a rule'}
              aria-label="Apply rewritten title"
              onClick={() => apply.mutate({ field: 'title', value: r.text, source: `${r.provider}:${r.model}` })}
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
