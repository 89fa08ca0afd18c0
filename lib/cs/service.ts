/**
 * The one CS pipeline, used by the panel (through the background), the CLI and the benches:
 * classification through the AI provider (local engine or model, same task names), the autonomy
 * gate, the rollout plan, cited drafts with a fact check, and the per-intent outcome statistics.
 * Plain functions over plain data; the caller does the I/O (snapshot, settings, Dexie).
 */
import { z } from 'zod';
import { factCheck } from '../ai/guards/factcheck';
import { detectInjection } from '../ai/guards/injection';
import { createLocalEngine, LOCAL_PROVIDER_ID } from '../ai/local/engine';
import type { AiMeta, AiProvider, AiSource } from '../ai/types';
import { auditDetails } from '../db/audit';
import { type BrandModelView, classifyText, doubtOf, LIST_FLOOR, type TextClassification } from './classify';
import { type Citation, draftReply } from './draft';
import { aggregateDraftStats, type IntentDraftStats } from './edit-distance';
import type { GateConfig } from './gate';
import { decideTier, TIERS, type Tier } from './gate';
import { CS_DRAFT_TASK, CS_INTENT_TASK, type CsDraftRequest, csLocalTasks, csModelDraftSchema } from './local-tasks';
import { partialReply } from './partial-reply';
import { bestClause, clauseLabel, DEMO_POLICIES, INTENT_POLICIES, type Policies, type PolicyKind } from './policy';
import { buildReplyIndex, type PastReply, similarReplies } from './replies';
import { type PanelPlan, panelPlan, type RolloutMode } from './rollout';
import { type CsPipelineSettings, DEFAULT_CS_SETTINGS } from './settings';
import { type Language, SENTIMENTS, type Sentiment, type Urgency } from './signals';
import { INTENT_IDS, INTENT_LABELS, type IntentId, isIntentId, MONEY_INTENTS } from './taxonomy';
import { type BrandVoice, DEFAULT_VOICE, signer } from './templates';
import { customerText, lastCustomerMessage, type Order, relevantOrder, type TicketInput } from './ticket';

export interface ProviderMeta {
  provider: string;
  model: string;
  fallback?: boolean;
  notice?: string;
  cached?: boolean;
  durationMs: number;
}

export interface CsAnalysis {
  intent: IntentId;
  intents: Array<{ id: IntentId; label: string; confidence: number }>;
  sentiment: Sentiment;
  angry: boolean;
  urgency: Urgency;
  language: Language;
  involvesMoney: boolean;
  moneyReasons: string[];
  injection: boolean;
  injectionReasons: string[];
  tier: Tier;
  /** The gate's reasons with figures and ids (details, audit, CLI). */
  reasons: string[];
  /** The same reasons in the agent's words (what the panel shows first). */
  why: string[];
  mode: RolloutMode;
  plan: Omit<PanelPlan, 'showClassification' | 'generateAndLogDraft'>;
  order: { number: string; present: true } | { present: false };
  meta: ProviderMeta;
  /** Set when the answer is unsure: the intents the panel asks the agent to pick from (issue 15). */
  doubt?: { candidates: IntentId[]; question: string } | null;
  /** The local engine's own answer, kept beside a model's for the shadow comparison (issue 15). */
  local?: { intent: IntentId; doubt: boolean };
}

const metaOf = (m: AiMeta): ProviderMeta => ({
  provider: m.provider,
  model: m.model,
  durationMs: Math.round(m.durationMs),
  ...(m.fallback ? { fallback: true } : {}),
  ...(m.notice ? { notice: m.notice } : {}),
  ...(m.cached ? { cached: true } : {}),
});

function paidOrder(order: Order | undefined): boolean | undefined {
  return order?.financial_status ? !/pending|voided|unpaid/i.test(order.financial_status) : undefined;
}

/**
 * Money reasons for a set of intents plus every local reason (the local engine's money intents and
 * text cues): a model's intents can add money, never clear it (issue 14).
 */
function moneyReasonsFor(
  intents: Array<{ id: IntentId }>,
  local: TextClassification,
  paid: boolean | undefined,
): string[] {
  const reasons: string[] = [];
  for (const s of intents) {
    if (!MONEY_INTENTS.has(s.id)) continue;
    if (s.id === 'cancel_order' && paid === false) continue;
    reasons.push(`intent ${s.id}`);
  }
  for (const r of local.moneyReasons) if (!reasons.includes(r)) reasons.push(r);
  return reasons;
}

/**
 * Classifies a ticket with the provider (taxonomy labels), keeps the local signals (sentiment,
 * urgency, language, risks, money cues), detects injection and runs the autonomy gate.
 */
export async function analyseTicket(
  provider: AiProvider,
  ticket: TicketInput,
  settings: CsPipelineSettings,
  policies: Policies,
  signal?: AbortSignal,
  opts: { brand?: BrandModelView } = {},
): Promise<CsAnalysis> {
  const text = customerText(ticket);
  const order = relevantOrder(ticket);
  const paid = paidOrder(order);
  const local = classifyText(text, { paidOrder: paid, brand: opts.brand });
  const result = await provider.classify({
    task: CS_INTENT_TASK,
    text,
    labels: INTENT_IDS,
    multiLabel: true,
    sources: [],
    instructions:
      'Classify what the customer of an online shop wants. Several intents may apply; give each a confidence between 0 and 1, the primary intent highest.',
    signal,
  });
  const labels = result.value.labels.filter((l): l is { label: IntentId; confidence: number } => isIntentId(l.label));
  const scores = labels.length
    ? labels
        .filter((l, i) => i === 0 || l.confidence >= LIST_FLOOR)
        .map((l) => ({ id: l.label, confidence: Math.round(l.confidence * 1000) / 1000 }))
    : local.intents;
  const intent = scores[0]?.id ?? local.intent;
  const moneyReasons = moneyReasonsFor(scores, local, paid);
  // The model's own doubt (close or low scores); with the local engine its doubt carries over.
  const fromModel = labels.length > 0 && result.meta.provider !== LOCAL_PROVIDER_ID;
  const doubt = fromModel ? doubtOf(scores, new Set()) : local.doubt;
  const classification: TextClassification = {
    ...local,
    intent,
    intents: scores,
    involvesMoney: moneyReasons.length > 0,
    moneyReasons,
    doubt,
  };
  const injection = detectInjection(text);
  const policyClauseFound =
    bestClause(policies, ['shipping', 'return', 'refund'], lastCustomerMessage(ticket)) !== null &&
    /\b(?:policy|return|ship|shipping|deliver|delivery|refund|exchange|warranty|how long|do you)\b/i.test(text);
  const gate = decideTier(
    { classification, injection, order, policyClauseFound, localIntent: local.intent },
    { threshold: settings.threshold, autonomousIntents: settings.autonomousIntents },
  );
  const { showClassification: _s, generateAndLogDraft: _g, ...plan } = panelPlan(settings.rolloutMode, gate.tier);
  return {
    intent,
    intents: scores.map((s) => ({ ...s, label: INTENT_LABELS[s.id] })),
    sentiment: local.sentiment,
    angry: local.angry,
    urgency: injection.injection ? 'high' : local.urgency,
    language: local.language,
    involvesMoney: classification.involvesMoney,
    moneyReasons,
    injection: injection.injection,
    injectionReasons: injection.reasons,
    tier: gate.tier,
    reasons: gate.reasons,
    why: gate.plain,
    mode: settings.rolloutMode,
    plan,
    order: order ? { number: order.number, present: true } : { present: false },
    meta: metaOf(result.meta),
    doubt,
    local: { intent: local.intent, doubt: local.doubt !== null },
  };
}

const ORDER_FIELDS: Array<[keyof Order, string]> = [
  ['number', 'Order'],
  ['financial_status', 'Payment'],
  ['fulfillment_status', 'Fulfillment'],
  ['carrier', 'Carrier'],
  ['tracking_number', 'Tracking number'],
  ['tracking_url', 'Tracking link'],
  ['created_at', 'Ordered on'],
  ['total', 'Total'],
];

/** The sources a draft may use: the relevant order's fields, the matching policy clause, similar past replies. */
export function draftSources(
  ticket: TicketInput,
  intent: IntentId,
  policies: Policies,
  similar: Array<{ reply: PastReply; score: number }>,
  localClause: Citation | undefined,
): AiSource[] {
  const sources: AiSource[] = [];
  const order = relevantOrder(ticket);
  if (order) {
    for (const [key, label] of ORDER_FIELDS) {
      const v = order[key];
      if ((typeof v === 'string' && v) || typeof v === 'number')
        sources.push({ id: `order.${key}`, label, text: String(v) });
    }
    const items = order.line_items.map((li) => li.title).filter(Boolean);
    if (items.length) sources.push({ id: 'order.items', label: 'Item', text: items.join(', ') });
  }
  if (localClause) sources.push({ id: 'policy', label: localClause.label, text: localClause.value });
  else {
    const kinds = INTENT_POLICIES[intent] ?? [];
    const clause = kinds.length ? bestClause(policies, kinds, lastCustomerMessage(ticket)) : null;
    if (clause) sources.push({ id: 'policy', label: clauseLabel(clause), text: clause.text });
  }
  for (const { reply, score } of similar)
    sources.push({
      id: `past.${reply.id}`,
      label: `Past reply #${reply.id} (${Math.round(score * 100)}% similar)`,
      text: reply.replyText.slice(0, 2000),
    });
  return sources;
}

export interface CsDraft {
  text: string;
  language: Language;
  citations: Array<{ kind: 'order_field' | 'policy_clause' | 'past_reply' | 'rule'; label: string; value: string }>;
  flagged: Array<{ start: number; end: number; text: string; kind: string }>;
  /** Links in the draft that come from neither order data nor policy (a past reply or the model): never auto-placed. */
  foreignLinks: string[];
  /** Policies the reply would quote that the brand has not written: the panel asks the agent to add them. */
  missingPolicies: PolicyKind[];
  meta: ProviderMeta;
}

/** How many extra similar past replies are fetched so that screened-out ones can be replaced. */
const SCREEN_SPARE = 3;

/**
 * The links in `text` that neither the order data nor a policy clause holds. Past replies and the
 * customer's text do not count: a link from them may be the attacker's.
 */
export function foreignLinks(text: string, sources: AiSource[], orderData: string[]): string[] {
  const trusted = sources.filter((s) => s.id.startsWith('order.') || s.id === 'policy').map((s) => s.text);
  return factCheck(text, [...trusted, ...orderData])
    .flagged.filter((f) => f.kind === 'url')
    .map((f) => f.text);
}

function citationOf(s: AiSource): CsDraft['citations'][number] {
  if (s.id.startsWith('order.')) return { kind: 'order_field', label: s.label, value: s.text };
  if (s.id.startsWith('past.')) return { kind: 'past_reply', label: s.label, value: s.text };
  return { kind: 'policy_clause', label: s.label, value: s.text };
}

/**
 * Drafts the reply. Escalated tickets get the local holding reply (nothing is sent to a model);
 * otherwise the provider writes from the sources (the local engine fills the intent's template),
 * its answer is schema-checked (with local fallback and notice), and every number, date and link
 * not in the sources is flagged.
 */
export async function draftTicket(
  provider: AiProvider,
  ticket: TicketInput,
  analysis: Pick<CsAnalysis, 'intent' | 'language' | 'tier' | 'reasons'>,
  opts: {
    policies: Policies;
    voice: BrandVoice;
    voiceText: string;
    languagePolicy: 'ticket' | 'brand';
    pastReplies: PastReply[];
    /** Regenerate: asks for another wording (a new cache key); the local engine stays deterministic. */
    variant?: number;
    signal?: AbortSignal;
    /** Streams the reply text so far while a model writes it (display only; unchecked). */
    onText?: (text: string) => void;
  },
): Promise<CsDraft> {
  const language: Language = opts.languagePolicy === 'brand' ? 'en' : analysis.language;
  const holding = analysis.tier === 'escalate';
  const local = draftReply(ticket, analysis.intent, language, { policies: opts.policies, voice: opts.voice, holding });
  const custText = customerText(ticket);
  if (holding) {
    return {
      text: local.draft,
      language: local.language,
      citations: [{ kind: 'rule', label: 'Escalation: holding reply', value: analysis.reasons[0] ?? 'escalated' }],
      flagged: local.flagged,
      foreignLinks: foreignLinks(local.draft, [], []),
      missingPolicies: [],
      meta: { provider: 'local', model: 'rules-v1', durationMs: 0 },
    };
  }
  // Past replies go into the prompt as sources, so they are screened like tickets: a planted
  // reply carrying instructions is left out (issue 14).
  const similar = opts.pastReplies.length
    ? similarReplies(buildReplyIndex(opts.pastReplies), `${ticket.subject} ${custText}`, 3 + SCREEN_SPARE)
        .filter(({ reply }) => !detectInjection(reply.replyText).injection)
        .slice(0, 3)
    : [];
  const sources = draftSources(
    ticket,
    analysis.intent,
    opts.policies,
    similar,
    local.citations.find((c) => c.kind === 'policy_clause'),
  );
  const request: CsDraftRequest = {
    task: CS_DRAFT_TASK,
    schema: csModelDraftSchema,
    schemaName: 'cs_draft',
    text: lastCustomerMessage(ticket),
    sources,
    instructions: [
      `Write the agent's reply to this customer (intent: ${analysis.intent}) in ${language === 'de' ? 'German' : language === 'en' ? 'English' : `the customer's language (${language})`}.`,
      `Brand: ${opts.voice.brand}. Sign off with exactly: ${signer(opts.voice, language === 'de' ? 'de' : 'en')}. Voice: ${opts.voiceText}`,
      'Use only facts (order numbers, tracking numbers, amounts, dates, links, policy terms) found in the sources; never promise refunds or credits.',
      'Past replies show the brand’s voice; do not copy their facts.',
      ...(local.missingPolicies.length
        ? [
            `The brand has written no ${local.missingPolicies.join(' or ')} policy: state no policy terms (days, fees, conditions) of your own.`,
          ]
        : []),
      'Answer as JSON: {"reply": the reply text, "used_sources": the ids of the sources you used}.',
      ...(opts.variant
        ? [`The agent asked for another version (attempt ${opts.variant + 1}): word it differently.`]
        : []),
    ].join('\n'),
    cs: {
      ticket,
      intent: analysis.intent,
      language,
      holding: false,
      policies: opts.policies,
      voice: opts.voice,
    },
    signal: opts.signal,
  };
  const onText = opts.onText;
  if (onText)
    request.onPartial = (content) => {
      const text = partialReply(content);
      onText(text ?? '');
    };
  const result = await provider.extract(request);
  const text = result.value.reply;
  const used = new Set(result.value.used_sources);
  const citations = sources
    .filter((s) => used.has(s.id) || (s.id.startsWith('order.') && s.text.length > 2 && text.includes(s.text)))
    .map(citationOf);
  const order = relevantOrder(ticket);
  const orderData = order ? [JSON.stringify(order)] : [];
  const facts = factCheck(text, [...sources.map((s) => s.text), ...orderData], { customer: [custText] });
  return {
    text,
    language: result.meta.provider === 'local' ? local.language : language,
    citations,
    flagged: facts.flagged,
    foreignLinks: foreignLinks(text, sources, orderData),
    missingPolicies: local.missingPolicies,
    meta: metaOf(result.meta),
  };
}

/** What the audit log holds for one CS draft, for the statistics. */
export interface DraftAuditRow {
  id?: number;
  kind: string;
  action: string;
  intent?: string;
  entityId: string | null;
  suggestion?: string;
  finalText?: string;
  note?: string;
}

/**
 * Per-intent outcomes of the drafts in the audit log: a sent reply decides (accepted as-is /
 * edited with distance / discarded); without one, a discard counts as discarded and an
 * inserted or copied text as its final text. Drafts nobody acted on are not counted yet.
 */
export function draftStats(rows: DraftAuditRow[]): IntentDraftStats[] {
  const drafts = new Map<string, { intent: IntentId; draft: string; final?: string | null; decided: boolean }>();
  for (const r of rows) {
    if (r.kind !== 'cs.draft' || r.action !== 'shown' || r.id === undefined || !r.intent || !isIntentId(r.intent))
      continue;
    drafts.set(String(r.id), { intent: r.intent, draft: r.suggestion ?? '', decided: false });
  }
  for (const r of rows) {
    if (r.kind !== 'cs.draft' || r.action === 'shown') continue;
    const id = draftIdOf(r.note);
    const d = id ? drafts.get(id) : undefined;
    if (!d || d.decided) continue;
    if (r.action === 'sent') {
      d.final = r.finalText ?? null;
      d.decided = true;
    } else if (r.action === 'rejected') d.final = null;
    else if ((r.action === 'inserted' || r.action === 'copied' || r.action === 'edited') && d.final !== null)
      d.final = r.finalText ?? d.draft;
  }
  const decided = [...drafts.values()].filter((d) => d.final !== undefined);
  return aggregateDraftStats(decided.map((d) => ({ intent: d.intent, draft: d.draft, finalText: d.final ?? null })));
}

/** Audit notes of CS outcome rows are JSON `{"draftId": "…", …}`. */
export function draftIdOf(note: string | undefined): string | null {
  const id = auditDetails({ note }).draftId;
  return typeof id === 'string' ? id : null;
}

/** Agent messages (public replies, not internal notes) of a ticket, oldest first. */
export function agentMessages(ticket: TicketInput): string[] {
  return ticket.messages.filter((m) => m.from === 'agent').map((m) => m.body);
}

/** The local engine with the CS tasks registered: what the CLI and the benches run the pipeline on. */
export function localCsEngine(): AiProvider {
  return createLocalEngine(csLocalTasks());
}

/** The `classify-ticket` output line (issue 4 item 7). */
export const triageResultSchema = z.object({
  intent: z.enum(INTENT_IDS),
  intents: z.array(z.object({ id: z.enum(INTENT_IDS), confidence: z.number().min(0).max(1) })),
  sentiment: z.enum(SENTIMENTS),
  involves_money: z.boolean(),
  injection: z.boolean(),
  tier: z.enum(TIERS),
  reasons: z.array(z.string()),
});
export type TriageResult = z.infer<typeof triageResultSchema>;

/** An analysis in the CLI's output shape. */
export function triageResult(a: CsAnalysis): TriageResult {
  return {
    intent: a.intent,
    intents: a.intents.map((i) => ({ id: i.id, confidence: i.confidence })),
    sentiment: a.sentiment,
    involves_money: a.involvesMoney,
    injection: a.injection,
    tier: a.tier,
    reasons: a.reasons,
  };
}

interface OfflineOptions {
  gate?: GateConfig;
  policies?: Policies;
  voice?: BrandVoice;
  provider?: AiProvider;
}

const offlineSettings = (gate: GateConfig | undefined): CsPipelineSettings => ({
  ...DEFAULT_CS_SETTINGS,
  ...(gate ? { threshold: gate.threshold, autonomousIntents: gate.autonomousIntents } : {}),
});

/** Classifies a ticket and runs the gate (local engine unless a provider is given): the CLI's `classify-ticket`. */
export async function triageTicket(
  ticket: TicketInput,
  opts: OfflineOptions = {},
): Promise<CsAnalysis & { result: TriageResult }> {
  const a = await analyseTicket(
    opts.provider ?? localCsEngine(),
    ticket,
    offlineSettings(opts.gate),
    opts.policies ?? DEMO_POLICIES,
  );
  return { ...a, result: triageResult(a) };
}

/** Classifies then drafts with the same pipeline as the panel: the CLI's `draft-reply`. */
export async function draftForTicket(
  ticket: TicketInput,
  opts: OfflineOptions = {},
): Promise<Omit<CsDraft, 'text'> & { draft: string; intent: IntentId; tier: Tier }> {
  const provider = opts.provider ?? localCsEngine();
  const policies = opts.policies ?? DEMO_POLICIES;
  const settings = offlineSettings(opts.gate);
  const a = await analyseTicket(provider, ticket, settings, policies);
  const { text, ...d } = await draftTicket(provider, ticket, a, {
    policies,
    voice: opts.voice ?? DEFAULT_VOICE,
    voiceText: '',
    languagePolicy: settings.languagePolicy,
    pastReplies: [],
  });
  return { ...d, draft: text, intent: a.intent, tier: a.tier };
}
