import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { missingPolicyNote } from '../../lib/cs/policy';
import { call, callOrThrow } from '../../lib/messaging/client';
import type { RequestOf } from '../../lib/messaging/contract';
import type { CsAnalysisView, CsDraftView } from '../../lib/messaging/contract/cs';
import { queryKeys } from '../../lib/messaging/query-keys';
import { type ActionResult, DraftCard, StreamingDraft } from '../drafts';
import type { PanelContext } from '../panel/types';
import { Badge, Details, Notice, Section, Spinner, type Tone } from '../ui/primitives';
import type { DraftAnswer } from './draft-stream';
import { IntentPicker } from './IntentPicker';
import { csQueries } from './queries';
import './cs.css';

const TIER_TONE: Record<CsAnalysisView['tier'], Tone> = { autonomous: 'ok', assisted: 'accent', escalate: 'bad' };
const TIER_LABEL: Record<CsAnalysisView['tier'], string> = {
  autonomous: 'Autonomous',
  assisted: 'Assisted',
  escalate: 'Escalate',
};
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

function record(payload: RequestOf<'cs.recordOutcome'>): void {
  // Outcomes feed the statistics; a failure here must not disturb the agent.
  void call('cs.recordOutcome', payload);
}

async function insertIntoEditor(text: string): Promise<ActionResult> {
  const result = await callOrThrow('page.write', { action: 'insertReplyText', text });
  return { done: result.done, message: result.message };
}

const CHANNEL_NAMES: Record<string, string> = {
  email: 'Email',
  chat: 'Chat',
  'instagram-direct-message': 'Instagram DM',
  facebook: 'Facebook',
  phone: 'Phone',
  sms: 'SMS',
  'help-center': 'Help center',
  'contact-form': 'Contact form',
};

const TIER_WHY: Record<CsAnalysisView['tier'], string> = {
  autonomous: 'Safe to answer with the draft',
  assisted: 'Review the draft before sending',
  escalate: 'Handle this ticket yourself',
};

/**
 * Triage, decision first: what the customer wants and the tier in plain words, with one or two
 * sentences of why; scores, intent ids, the gate's thresholds and the engine are under "Details".
 */
function Triage({ analysis, channel }: { analysis: CsAnalysisView; channel?: string }) {
  const [primary, ...others] = analysis.intents;
  // Analyses kept from before the plain reasons existed carry none: show the gate's own words then.
  const why = analysis.why.length ? analysis.why : analysis.reasons;
  const shown = why.slice(0, 2);
  return (
    <Section
      title="Triage"
      label="Ticket triage"
      aside={
        <span className="cp-row cs-tier-row">
          {analysis.mode === 'shadow' ? (
            <span data-testid="cs-shadow-badge">
              <Badge tone="warn" title="Shadow mode: drafts are made and logged, not shown.">
                Shadow
              </Badge>
            </span>
          ) : null}
          <span data-testid="cs-tier">
            <Badge tone={TIER_TONE[analysis.tier]}>{TIER_LABEL[analysis.tier]}</Badge>
          </span>
        </span>
      }
    >
      <div className="cs-intent" data-testid="cs-intent" data-intent={analysis.intent}>
        <span className="cs-intent-label">{primary?.label ?? 'Other'}</span>
        {others.length ? (
          <span className="cp-muted cs-others">also {others.map((i) => i.label.toLowerCase()).join(', ')}</span>
        ) : null}
      </div>
      <div className="cp-row cs-signals" data-testid="cs-signals">
        {channel && CHANNEL_NAMES[channel] ? <Badge>{CHANNEL_NAMES[channel]}</Badge> : null}
        {analysis.angry ? <Badge tone="warn">Upset customer</Badge> : null}
        {!analysis.angry && analysis.sentiment === 'negative' ? <Badge tone="warn">Unhappy</Badge> : null}
        {analysis.urgency === 'high' ? <Badge tone="bad">Urgent</Badge> : null}
        <Badge>{LANGUAGE_NAMES[analysis.language] ?? analysis.language}</Badge>
        {analysis.involvesMoney ? <Badge tone="warn">Money involved</Badge> : null}
      </div>
      <div className={`cs-reasons ${analysis.tier}`} data-testid="cs-tier-reasons">
        <div className="cs-reasons-title">{TIER_WHY[analysis.tier]}</div>
        <ul>
          {shown.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {why.length > shown.length ? (
          <div className="cp-muted">
            {why.length - shown.length} more reason{why.length - shown.length === 1 ? '' : 's'} under Details.
          </div>
        ) : null}
      </div>
      {analysis.injection ? (
        <Notice tone="bad" title="Possible prompt injection">
          <span data-testid="cs-injection">
            The customer’s message contains instructions aimed at an AI assistant. The reply below is a holding message;
            handle this ticket yourself.
          </span>
        </Notice>
      ) : null}
      {!analysis.order.present ? (
        <Notice tone="info" title="No order data">
          <span data-testid="cs-no-order">
            No Shopify order was read from the ticket, so the draft cannot cite order facts. Check the customer’s orders
            before replying.
          </span>
        </Notice>
      ) : null}
      {analysis.meta.notice ? (
        <Notice tone="warn" title="The AI model’s answer was not used">
          {analysis.meta.notice}
        </Notice>
      ) : null}
      <Details testId="cs-triage-details">
        <span>
          Intents:{' '}
          {analysis.intents.map((i, n) => (
            <span key={i.id}>
              {n ? ', ' : ''}
              <code>{i.id}</code> {pct(i.confidence)}
            </span>
          ))}
        </span>
        {why.length > shown.length ? (
          <ul>
            {why.slice(shown.length).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
        <span>
          Sentiment {analysis.sentiment}, urgency {analysis.urgency}.
        </span>
        <span>Autonomy gate ({TIER_LABEL[analysis.tier].toLowerCase()}):</span>
        <ul data-testid="cs-gate-reasons">
          {analysis.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
          {analysis.moneyReasons.map((r) => (
            <li key={`money:${r}`}>money: {r}</li>
          ))}
          {analysis.injectionReasons.map((r) => (
            <li key={`injection:${r}`}>injection: {r}</li>
          ))}
        </ul>
        <span className="cs-classified-by">
          Classified by {analysis.meta.provider === 'local' ? 'the local engine' : analysis.meta.model} (
          <code>{analysis.meta.provider}</code> · <code>{analysis.meta.model}</code>
          {analysis.meta.cached ? ', cached' : ''})
        </span>
      </Details>
    </Section>
  );
}

/** The Gorgias ticket view: triage, then the cited draft with its actions. */
export function TicketPanel({ context }: { context: PanelContext }) {
  const queryClient = useQueryClient();
  const data = context.snapshot?.data as { ticketId?: string; messages?: unknown[]; channel?: string } | undefined;
  const ticketId = data?.ticketId ?? context.snapshot?.entityId ?? '';
  const ticketKey = `${ticketId}:${data?.messages?.length ?? 0}`;
  const analysis = useQuery(csQueries.analysis(ticketKey));
  // With a model configured the draft streams over the `ai.draft` port; the local engine answers at once.
  const remote = context.ai.settings.mode === 'remote';
  const ticketHash = analysis.data?.ticketHash ?? '';
  const [streamed, setStreamed] = useState<{ key: string; text: string } | null>(null);
  const onText = (text: string) => setStreamed({ key: ticketHash, text });
  // The draft is read once per ticket content, after triage; Regenerate is the user's mutation.
  const drafted = useQuery({ ...csQueries.draft(ticketHash, { remote, onText }), enabled: ticketHash !== '' });
  const inFlight = useRef<AbortController | null>(null);
  const regenerate = useMutation({
    mutationKey: queryKeys.cs.regenerate(),
    mutationFn: () => {
      if (!remote) return callOrThrow('cs.draftReply', { regenerate: true });
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setStreamed(null);
      return import('./draft-stream').then((m) =>
        m.streamDraft({ regenerate: true, signal: controller.signal, onText }),
      );
    },
    onSuccess: (answer) => queryClient.setQueryData(queryKeys.cs.draft(answer.ticketHash), answer),
  });
  // The draft query writes nothing: the panel logs the draft it got as `shown` (once per content),
  // which gives the draft the id its outcomes refer to. In shadow mode the logged draft is not shown.
  const loggedHashes = useRef(new Set<string>());
  const logShown = useMutation({
    mutationFn: (hash: string) => callOrThrow('cs.draftShown', { ticketHash: hash }),
    onSuccess: ({ draftId }, hash) =>
      queryClient.setQueryData<DraftAnswer>(queryKeys.cs.draft(hash), (old) =>
        old ? { ...old, logged: true, draft: old.draft && draftId ? { ...old.draft, id: draftId } : old.draft } : old,
      ),
  });
  const unlogged = drafted.data && !drafted.data.logged ? drafted.data.ticketHash : null;
  const { mutate: logDraft } = logShown;
  useEffect(() => {
    if (unlogged === null || loggedHashes.current.has(unlogged)) return;
    loggedHashes.current.add(unlogged);
    logDraft(unlogged);
  }, [unlogged, logDraft]);
  // Another ticket (SPA navigation) or the panel closing: cancel a regenerate in flight, which aborts the model call.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cleanup must run whenever the ticket changes.
  useEffect(
    () => () => {
      inFlight.current?.abort();
      inFlight.current = null;
    },
    [ticketKey],
  );
  const [autoResult, setAutoResult] = useState<ActionResult | null>(null);
  const placed = useRef(new Set<string>());
  // A new ticket content gets a new draft: the last auto-placement notice no longer applies.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the draft's key changes.
  useEffect(() => setAutoResult(null), [ticketHash]);

  // Autonomous mode, tier autonomous: place the draft in the editor once per ticket; the agent sends.
  const answer = regenerate.isPending ? undefined : drafted.data;
  useEffect(() => {
    const draft = answer?.draft;
    if (!answer?.autoPlace || !draft || draft.id === null || placed.current.has(answer.ticketId)) return;
    const draftId = draft.id;
    placed.current.add(answer.ticketId);
    insertIntoEditor(draft.text)
      .then((r) => {
        setAutoResult(
          r.done ? { done: true, message: 'Placed in the reply editor automatically. Review it and press Send.' } : r,
        );
        if (r.done) record({ draftId, action: 'inserted', text: draft.text, auto: true });
      })
      .catch((e: unknown) => setAutoResult({ done: false, message: e instanceof Error ? e.message : String(e) }));
  }, [answer]);

  if (analysis.isPending)
    return (
      <Section title="Triage">
        <Spinner label="Classifying the ticket…" />
      </Section>
    );
  if (analysis.isError)
    return (
      <Section title="Triage">
        <Notice tone="bad" title="Could not classify this ticket">
          {analysis.error.message}
        </Notice>
        <button className="cp-btn small" type="button" onClick={() => analysis.refetch()}>
          Try again
        </button>
      </Section>
    );

  const a = analysis.data;
  const made = answer?.ticketId === a.ticketId ? answer.draft : null;
  // Shown once logged: its id is the `shown` row its outcomes refer to.
  const draft: (CsDraftView & { id: string }) | null = made && made.id !== null ? { ...made, id: made.id } : null;
  const draftError = regenerate.error ?? drafted.error ?? logShown.error;
  const drafting = regenerate.isPending || drafted.isFetching || logShown.isPending;
  return (
    <>
      <Triage analysis={a} channel={data?.channel} />
      <IntentPicker analysis={a} />
      <Section title="Draft reply" label="Draft reply">
        {a.mode === 'shadow' ? (
          <Notice tone="info" title="Shadow mode">
            <span data-testid="cs-shadow-note">
              A draft was made and logged for the statistics but is not shown. Switch to “suggest” in the options to see
              drafts.
            </span>
          </Notice>
        ) : draftError && draftError.name !== 'AbortError' ? (
          <Notice tone="bad" title="Could not draft a reply">
            {draftError.message}{' '}
            <button className="cp-btn small" type="button" onClick={() => regenerate.mutate()}>
              Try again
            </button>
          </Notice>
        ) : !draft && drafting && streamed?.key === a.ticketHash && streamed.text ? (
          <StreamingDraft text={streamed.text} model={a.meta.model} />
        ) : !draft ? (
          <Spinner label={a.meta.provider === 'local' ? 'Drafting…' : `Drafting with ${a.meta.model}…`} />
        ) : (
          <DraftCard
            key={draft.id}
            draft={{ ...draft, notes: [missingPolicyNote(draft.missingPolicies) ?? ''].filter(Boolean) }}
            externalResult={autoResult}
            onInsert={async (text) => {
              const r = await insertIntoEditor(text);
              if (r.done) record({ draftId: draft.id, action: 'inserted', text });
              return r.done ? { done: true, message: 'Inserted into the reply editor. Review it and press Send.' } : r;
            }}
            onCopied={(text) => record({ draftId: draft.id, action: 'copied', text })}
            onEdited={(text) => record({ draftId: draft.id, action: 'edited', text })}
            onRegenerate={() => {
              record({ draftId: draft.id, action: 'discarded' });
              regenerate.mutate();
            }}
            regenerating={regenerate.isPending}
            onFeedback={(rating, reason) => record({ draftId: draft.id, action: 'feedback', rating, reason })}
          />
        )}
      </Section>
    </>
  );
}
