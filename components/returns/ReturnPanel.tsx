import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { call, callOrThrow } from '../../lib/messaging/client';
import type { ReturnAnalysis } from '../../lib/messaging/contract/returns';
import { OUTCOME_LABELS } from '../../lib/returns/presentation';
import { REASON_LABELS } from '../../lib/returns/taxonomy';
import { DraftCard, type DraftViewModel } from '../drafts';
import type { PanelContext } from '../panel/types';
import { Badge, Details, KeyValues, Notice, Section, Spinner, type Tone } from '../ui/primitives';
import { Highlighted, type Mark } from './Highlighted';
import { returnsQueries } from './queries';
import { ReasonPicker } from './ReasonPicker';
import './returns.css';

const COMMENT_MISSING = /customer comment not found/i;

const OUTCOME_TONE: Record<ReturnAnalysis['decision']['decision'], Tone> = {
  refund: 'ok',
  exchange: 'ok',
  store_credit: 'ok',
  keep_item: 'accent',
  deny: 'bad',
  human_review: 'warn',
};

const DISPOSITION_LABELS = {
  restock: 'Restock (resellable)',
  inspection: 'Inspection',
  liquidation: 'Liquidation',
} as const;

function money(value: number | null, currency: string): string {
  if (value === null) return 'unknown';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function toDraftView(a: ReturnAnalysis): DraftViewModel {
  const p = a.provider.draft;
  return {
    id: `${a.returnId}:${p.provider}:${a.reply.draft.length}`,
    text: a.reply.draft,
    flagged: a.reply.flagged,
    citations: a.reply.citations.map((c) =>
      c.kind === 'policy'
        ? c.ref === 'reason'
          ? { kind: 'rule', label: `Reason: ${c.text}`, value: c.text }
          : { kind: 'policy_clause', label: a.decision.ruleName, value: c.text }
        : {
            kind: 'order_field',
            label: c.kind === 'item' ? 'Item' : c.ref === 'value' ? 'Amount' : 'Order',
            // The template's amount phrase reads "of $68.00"; the chip shows the figure.
            value: c.text.replace(/^(?:of|von)\s+/, ''),
          },
    ),
    meta: {
      provider: p.provider,
      model: p.model,
      cached: p.cached,
      fallback: p.fallback,
      notice: p.notice ?? undefined,
    },
  };
}

/** The returns section of the panel on a Loop return: true reason, decision with its rule, routing, flags, reply. */
export function ReturnPanel({ context }: { context: PanelContext }) {
  const snapshot = context.snapshot;
  const queryClient = useQueryClient();
  const key = returnsQueries.analysis(snapshot?.entityId ?? null, snapshot?.capturedAt ?? '');
  const analysis = useQuery(key);
  const rewrite = useMutation({
    mutationFn: () => callOrThrow('returns.analyse', { draft: 'model' }),
    onSuccess: (value) => queryClient.setQueryData(key.queryKey, value),
  });
  const commentMissing = (snapshot?.missing ?? []).find((m) => COMMENT_MISSING.test(m)) ?? null;

  if (analysis.isPending)
    return (
      <Section title="Return analysis">
        <Spinner label="Classifying the reason and checking the policy…" />
      </Section>
    );
  if (analysis.isError)
    return (
      <Section title="Return analysis">
        <Notice tone="bad" title="Counterpart could not analyse this return">
          {analysis.error.message}
        </Notice>
        <p>
          <button className="cp-btn" type="button" onClick={() => analysis.refetch()}>
            Try again
          </button>
        </p>
      </Section>
    );

  const a = analysis.data;
  const record = (action: 'copied' | 'feedback', extra: { rating?: 'good' | 'bad'; note?: string; text?: string }) =>
    void call('returns.recordOutcome', {
      returnId: a.returnId,
      action,
      rating: extra.rating,
      note: extra.note,
      suggestion: extra.text,
      decision: a.decision.decision,
      rule: a.decision.rule,
      reason: a.classification.reason,
      provider: a.provider.draft.provider,
      model: a.provider.draft.model,
    });
  const remote = context.ai.settings.mode === 'remote';
  return (
    <>
      <DecisionSection a={a} />
      <ReasonSection a={a} commentMissing={commentMissing} />
      <ReasonPicker
        returnId={a.returnId}
        doubt={a.classification.doubt}
        onPicked={() => queryClient.invalidateQueries({ queryKey: key.queryKey })}
      />
      <Section title="Customer reply" label="Customer reply">
        <DraftCard
          key={toDraftView(a).id}
          title="Customer reply draft"
          draft={toDraftView(a)}
          onCopied={(text) => record('copied', { text })}
          onFeedback={(rating, note) => record('feedback', { rating, note })}
          onRegenerate={remote ? () => rewrite.mutate() : undefined}
          regenerating={rewrite.isPending}
        />
        {rewrite.isError ? <Notice tone="bad">{rewrite.error.message}</Notice> : null}
        <p className="cp-muted rt-note">
          Loop has no reply editor: copy the draft into your e-mail.{' '}
          {remote ? '' : 'Configure a model in the options to rewrite it in your brand’s voice.'}
        </p>
      </Section>
      <Section title="Defect patterns">
        <p className="rt-links">
          <a className="cp-btn small" href={browser.runtime.getURL('/insights.html')} target="_blank" rel="noreferrer">
            Open return insights ↗
          </a>
          <span className="cp-muted">
            Saved for insights as {a.stored.length} line{a.stored.length === 1 ? '' : 's'}.
          </span>
        </p>
      </Section>
    </>
  );
}

function ReasonSection({ a, commentMissing }: { a: ReturnAnalysis; commentMissing: string | null }) {
  const cls = a.classification;
  const top = cls.reasons[0];
  const marks: Mark[] = [
    ...cls.safety.map((e) => ({ start: e.start, end: e.end, tone: 'safety' as const, title: 'Health or safety' })),
    ...cls.reasons.flatMap((r, i) =>
      r.evidence
        .filter((e) => !e.negated)
        .map((e) => ({
          start: e.start,
          end: e.end,
          tone: i === 0 ? ('primary' as const) : ('secondary' as const),
          title: REASON_LABELS[r.id],
        })),
    ),
  ];
  const comment = a.comment?.trim() ? a.comment : null;
  return (
    <Section
      title="True return reason"
      label="True return reason"
      aside={
        cls.basis === 'dropdown' ? (
          <Badge tone="warn" title="The comment gave nothing to classify">
            from the customer’s choice
          </Badge>
        ) : null
      }
    >
      <div className="rt-reason-line">
        <span className="rt-reason" data-testid="true-reason" data-reason={cls.reason}>
          {REASON_LABELS[cls.reason]}
        </span>
        {cls.basis === 'dropdown' ? null : cls.mismatch ? (
          <span className="rt-mismatch" data-testid="mismatch-badge">
            Not what the customer picked
          </span>
        ) : (
          <Badge tone="ok">matches the customer’s choice</Badge>
        )}
      </div>
      <LearnedNote cls={cls} />
      <div className="rt-dropdown">
        <span className="cp-muted">Customer picked</span>{' '}
        <span className={cls.mismatch ? 'rt-struck' : ''} data-testid="dropdown-reason">
          {a.selectedReason || 'no reason'}
        </span>
      </div>
      {comment ? (
        <blockquote className="rt-comment" data-testid="customer-comment" aria-label="Customer comment">
          <Highlighted text={comment} marks={marks} />
        </blockquote>
      ) : (
        <Notice tone="warn" title="No customer comment">
          <span data-testid="comment-missing">
            {commentMissing ? `${commentMissing}.` : 'The customer left no comment.'} The reason comes from the dropdown
            alone.
          </span>
        </Notice>
      )}
      {top && top.evidence.length > 0 ? (
        <p className="rt-evidence cp-muted">
          Evidence:{' '}
          {top.evidence
            .filter((e) => !e.negated)
            .map((e) => `“${e.text}”`)
            .join(', ')}
        </p>
      ) : null}
      {a.photos > 0 ? (
        <p className="rt-photos" data-testid="photos">
          <span aria-hidden="true">📷</span> {a.photos} customer photo{a.photos === 1 ? '' : 's'} on the return ·{' '}
          {a.photosChecked ? 'checked by the vision model' : 'not checked by a model: look at them in Loop'}
        </p>
      ) : null}
      {cls.reasons.length > 1 ? (
        <p className="cp-muted rt-also">
          Could also be:{' '}
          {cls.reasons
            .slice(1)
            .map((r) => REASON_LABELS[r.id].toLowerCase())
            .join(', ')}
        </p>
      ) : null}
      {cls.safety.length > 0 ? (
        <Notice tone="bad" title="Health or safety mention">
          {cls.safety.map((e) => `“${e.text}”`).join(', ')}
        </Notice>
      ) : null}
      <ProviderNote note={a.provider.classify} />
      <Details testId="reason-details">
        <span>
          Reasons and confidence:{' '}
          {cls.reasons.map((r, i) => (
            <span key={r.id}>
              {i ? ', ' : ''}
              <code>{r.id}</code> {pct(r.confidence)}
            </span>
          ))}
          {cls.reasons.length === 0 ? 'none from the comment' : ''}
        </span>
        <span>
          Basis: {cls.basis === 'dropdown' ? 'the customer’s dropdown choice' : 'the customer’s comment'}
          {cls.dropdown.length ? ` (dropdown reads as ${cls.dropdown.join(', ')})` : ''}.
        </span>
        <ProviderDetail note={a.provider.classify} what="Reason" />
      </Details>
    </Section>
  );
}

/** Says when the brand's own data (a team pick or the brand's model) changed the reason or settled a doubt. */
function LearnedNote({ cls }: { cls: ReturnAnalysis['classification'] }) {
  const l = cls.learned;
  if (!l) return null;
  const changed = l.was !== cls.reason;
  const text =
    l.by === 'pick'
      ? changed
        ? `Your team picked this reason for this comment; the built-in engine read “${REASON_LABELS[l.was]}”.`
        : 'Your team picked this reason for this comment.'
      : changed
        ? `Your brand’s model changed the reason: the built-in engine read “${REASON_LABELS[l.was]}”, your own returns say “${REASON_LABELS[cls.reason]}”.`
        : 'Your brand’s model settled the doubt: your own returns say it is this reason.';
  return (
    <p className="rt-learned" data-testid="reason-learned" data-by={l.by} data-was={l.was}>
      <Badge tone="accent">{l.by === 'pick' ? 'picked by your team' : 'learned from your returns'}</Badge> {text}
    </p>
  );
}

const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** How the return window was measured, in the returns lead's words. */
function windowText(w: ReturnAnalysis['decision']['window']): string {
  if (w.days === null || !w.fromSource) return 'unknown: the page shows no delivery or order date';
  const days = Math.floor(w.days);
  const since = w.fromSource === 'delivered' ? 'delivery' : 'the order (delivery date not shown)';
  if (w.toSource === 'requested')
    return `asked ${days} day${days === 1 ? '' : 's'} after ${since}, on ${shortDate(w.to)}`;
  return `${days} day${days === 1 ? '' : 's'} since ${since}, counted to today: the page shows no request date`;
}

function DecisionSection({ a }: { a: ReturnAnalysis }) {
  const d = a.decision;
  const review = d.flags.filter((f) => f.severity === 'review');
  const others = d.flags.filter((f) => f.severity !== 'review');
  const offers = d.offers.map((o) =>
    o.outcome === 'store_credit'
      ? `Store credit ${money(o.amount, d.currency)}${o.bonusPct ? ` (+${o.bonusPct}%)` : ''}`
      : `${o.outcome === 'refund' ? 'Refund' : 'Exchange'} ${money(o.amount, d.currency)}`,
  );
  return (
    <Section title="Decision" label="Decision">
      <div className={`rt-decision ${d.decision}`} data-testid="decision" data-decision={d.decision}>
        <Badge tone={OUTCOME_TONE[d.decision]}>{OUTCOME_LABELS[d.decision]}</Badge>
        <span className="rt-rule" data-testid="decision-rule" data-rule={d.rule}>
          {d.ruleName}
        </span>
      </div>
      {d.decision === 'human_review' ? null : <p className="rt-rule-text">{d.ruleText}</p>}
      {review.length > 0 ? (
        <div className="rt-review" data-testid="human-review-reasons" role="status">
          <strong>
            {d.decision === 'human_review' ? 'A person must decide because' : 'Also for a person to check'}
          </strong>
          <ul>
            {review.map((f) => (
              <li key={f.id} data-flag={f.id}>
                {f.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <KeyValues
        rows={[
          [
            'Warehouse',
            <span key="w" data-testid="warehouse">
              {d.warehouse ?? 'none (item is not sent back)'}
            </span>,
          ],
          [
            'Return window',
            <span key="rw" data-testid="return-window" data-to-source={d.window.toSource}>
              {windowText(d.window)}
            </span>,
          ],
          ['On arrival', d.disposition ? DISPOSITION_LABELS[d.disposition] : '—'],
          ['Value', money(d.value, d.currency)],
          ...(offers.length ? ([['Also offer', offers.join(' · ')]] as Array<[string, string]>) : []),
          ...(a.history
            ? ([
                [
                  'Customer seen',
                  `${a.history.returns} return${a.history.returns === 1 ? '' : 's'} over ${a.history.orders} order${a.history.orders === 1 ? '' : 's'}`,
                ],
              ] as Array<[string, string]>)
            : []),
        ]}
      />
      <div className="rt-flags" data-testid="flags">
        <div className="rt-flags-title">To check</div>
        {others.length === 0 ? (
          <p className="cp-muted">{review.length ? 'Nothing else.' : 'Nothing.'}</p>
        ) : (
          <ul>
            {others.map((f) => (
              <li key={f.id} className={f.severity} data-flag={f.id}>
                <Badge tone={f.severity === 'warn' ? 'warn' : 'neutral'}>
                  {f.severity === 'warn' ? 'check' : 'note'}
                </Badge>{' '}
                {f.text}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Details testId="decision-details">
        <span>
          Rule <code>{d.rule}</code>
          {d.flags.length ? ' · flags ' : ''}
          {d.flags.map((f, i) => (
            <span key={f.id}>
              {i ? ', ' : ''}
              <code>{f.id}</code>
            </span>
          ))}
        </span>
      </Details>
    </Section>
  );
}

/** A model fallback, said plainly; which engine classified the reason goes under "Details". */
function ProviderNote({ note }: { note: ReturnAnalysis['provider']['classify'] }) {
  return note.notice ? (
    <Notice tone="warn" title="The AI model’s answer was not used">
      {note.notice}
    </Notice>
  ) : null;
}

function ProviderDetail({ note, what }: { note: ReturnAnalysis['provider']['classify']; what: string }) {
  return (
    <span className="rt-provider">
      {what} by {note.provider === 'local' ? 'the local engine' : `${note.provider} · ${note.model}`}
      {note.cached ? ' (cached)' : ''}
    </span>
  );
}
