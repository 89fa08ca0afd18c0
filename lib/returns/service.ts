import { detectInjection } from '../ai/guards/injection';
import { createLocalEngine } from '../ai/local/engine';
import type { AiMeta, AiProvider, AiSource } from '../ai/types';
import { type Analysis, analyseReturn } from './analyse';
import type { ReturnLineFields } from './analytics';
import { type BrandReasonAnswer, withBrandReason } from './brand-reasons';
import { type Classification, classifyReturn } from './classify';
import type { ReturnsConfig } from './config';
import { RETURNS_TASKS, returnsLocalTasks, TEMPLATE_SOURCE_ID } from './local-tasks';
import { mergeModelReasons, modelReasonRequest } from './model-reasons';
import type { ReplyLang } from './reply';
import type { ReturnCase } from './schema';

/**
 * A return as its page showed it (see `lib/sites/loop/to-return-case.ts`): the case the engine
 * analyses, and what the stored lines keep besides.
 */
export interface PageReturn {
  returnId: string;
  /** When the return was created, as the page shows it (else the order's date is used). */
  createdAt: string | null;
  /** As the page shows them (null when absent). */
  comment: string | null;
  selectedReason: string | null;
  /** The case without `history` (that comes from what Counterpart has stored). */
  case: ReturnCase;
  /** Per item of `case.items`, in order: the item's own reason text and comment. */
  itemNotes: Array<{ reason: string | null; comment: string | null }>;
}

/** Who produced a part of the analysis (for the panel's provider line). */
export interface ProviderNote {
  provider: string;
  model: string;
  cached: boolean;
  fallback: boolean;
  notice: string | null;
}

export interface ServiceAnalysis extends Analysis {
  case: ReturnCase;
  /** Facts in the draft that none of its sources contain (a model inventing an amount, say), with offsets. */
  flagged: Array<{ start: number; end: number; text: string; kind: string }>;
  provider: { classify: ProviderNote; draft: ProviderNote };
}

export interface AnalyseDeps {
  /** Classifies (`returns.reason`): the local engine, or the model with local fallback. */
  classifier: AiProvider;
  /** Drafts (`returns.reply`): the local engine unless the user asked for the model. */
  drafter: AiProvider;
  config: ReturnsConfig;
  /** The brand's name for the sign-off (empty: the template's default) and its voice for a model. */
  brand: { name: string; voice: string };
  /** Reply language (default English). */
  lang?: ReplyLang;
  /** The configured model sees images: only then are its photo findings used. */
  vision: boolean;
  history: { orders: number; returns: number } | null;
  now: Date;
  /** The brand's own reason model with the team's picks (issue 15), beside the shipped classifier. */
  brandReason?: ((comment: string) => BrandReasonAnswer | null) | null;
}

/** The customer's words of a return: its comment and the items' own comments, one a line (what a pick is learnt from). */
export function returnWords(page: PageReturn): string {
  return [page.comment ?? '', ...page.itemNotes.map((n) => n.comment ?? '')].filter((t) => t.trim()).join('\n');
}

function note(meta: AiMeta): ProviderNote {
  return {
    provider: meta.provider,
    model: meta.model,
    cached: meta.cached === true,
    fallback: meta.fallback === true,
    notice: meta.notice ?? null,
  };
}

/**
 * Analyses a return read from a Loop page: the reason through the provider (`returns.reason`,
 * model answers merged only with verbatim quotes), the deterministic decision and routing, and the
 * reply through the drafter (`returns.reply`, whose local answer is the template).
 */
export async function analyseLoopReturn(page: PageReturn, deps: AnalyseDeps): Promise<ServiceAnalysis> {
  const c: ReturnCase = { ...page.case, history: deps.history };
  const local = withBrandReason(
    classifyReturn({ comment: c.comment, selectedReason: c.selected_reason }),
    returnWords(page),
    deps.brandReason,
  );
  // Screened like a ticket: a comment that talks to the software is never sent to a model; the
  // rules send it to a person (`human_review.prompt_injection`) and the template is the reply.
  if (detectInjection(c.comment).injection) {
    const analysis = analyseReturn(c, {
      config: deps.config,
      now: deps.now,
      brand: deps.brand.name || undefined,
      lang: deps.lang,
    });
    const screened: ProviderNote = {
      provider: 'local',
      model: 'rules-v1',
      cached: false,
      fallback: false,
      notice: null,
    };
    return { ...analysis, case: c, flagged: [], provider: { classify: screened, draft: screened } };
  }
  const reasonResult = await deps.classifier.extract(modelReasonRequest(c));
  let classification: Classification = local;
  if (reasonResult.meta.provider !== 'local') {
    const merged = mergeModelReasons(local, reasonResult.value, c.comment);
    classification = merged.classification;
    if (deps.vision && (c.photos?.length ?? 0) > 0) c.photo_findings = merged.photoFindings;
  }
  const analysis = analyseReturn(c, {
    config: deps.config,
    now: deps.now,
    brand: deps.brand.name || undefined,
    lang: deps.lang,
    classification,
    localClassification: local,
  });
  const sources: AiSource[] = [
    { id: TEMPLATE_SOURCE_ID, label: 'Template reply', text: analysis.reply.draft },
    { id: `policy:${analysis.decision.rule}`, label: 'Policy rule', text: analysis.decision.ruleText },
    ...analysis.reply.citations
      .filter((x) => x.kind !== 'policy')
      .map((x) => ({ id: `${x.kind}:${x.ref}`, label: x.ref, text: x.text })),
  ];
  const draft = await deps.drafter.draft({
    task: RETURNS_TASKS.reply,
    instructions: [
      `Rewrite the template reply to the customer about their return in the brand's voice (${deps.brand.voice}).`,
      'Keep the decision, the policy sentence, the order number and every amount exactly as in the template.',
      'Do not promise anything the template does not. Do not explain human-review reasons to the customer.',
    ].join('\n'),
    text: c.comment,
    sources,
  });
  return {
    ...analysis,
    case: c,
    reply: { ...analysis.reply, draft: draft.value.text },
    flagged: draft.value.facts.flagged.map((f) => ({ start: f.start, end: f.end, text: f.text, kind: f.kind })),
    provider: { classify: note(reasonResult.meta), draft: note(draft.meta) },
  };
}

/** A stored return line (the `returns` table): the insights unit plus what the panel decided. */
export interface StoredReturnLine extends ReturnLineFields {
  source: 'loop-page' | 'loop-returns';
  decision?: string;
  rule?: string;
  analysedAt?: string;
}

/** The rows an analysed page return stores: one per item, id `${returnId}:${sku}` (the importer's id, so both paths meet). */
export function storedLines(page: PageReturn, a: Analysis, now: Date): StoredReturnLine[] {
  const top = a.classification.reasons[0];
  const { order, customer } = page.case;
  const createdAt = [page.createdAt, order?.created_at]
    .map((d) => (d ? Date.parse(d) : Number.NaN))
    .find((t) => !Number.isNaN(t));
  return page.case.items.map((item, i) => {
    const sku = item.sku?.trim() || `line-${i + 1}`;
    const notes = page.itemNotes[i];
    return {
      id: `${page.returnId}:${sku}`,
      source: 'loop-page',
      returnId: page.returnId,
      sku,
      product: item.title?.trim() || sku,
      createdAt: new Date(createdAt ?? now.getTime()).toISOString(),
      reason: a.classification.reason,
      orderNumber: order?.number ?? null,
      customerEmail: customer?.email?.toLowerCase() ?? null,
      customerCountry: customer?.country ?? null,
      title: item.title ?? '',
      variant: item.variant ?? null,
      category: item.category ?? null,
      price: item.price ?? null,
      quantity: item.quantity ?? 1,
      selectedReason: notes?.reason ?? page.selectedReason ?? '',
      comment: notes?.comment ?? page.comment ?? '',
      confidence: top?.confidence ?? 0,
      mismatch: a.classification.mismatch,
      evidence: (top?.evidence ?? []).map((e) => e.text),
      decision: a.decision.decision,
      rule: a.decision.rule,
      analysedAt: now.toISOString(),
    };
  });
}

/**
 * The lines a return on its page stores, from the local analysis only (no model call), so the
 * snapshot hook that stores them is deterministic; the panel may still show a model's reason.
 */
export function localStoredLines(
  page: PageReturn,
  deps: Pick<AnalyseDeps, 'config' | 'history' | 'now' | 'brandReason'> & { brand: string },
): StoredReturnLine[] {
  const c: ReturnCase = { ...page.case, history: deps.history };
  const classification = withBrandReason(
    classifyReturn({ comment: c.comment, selectedReason: c.selected_reason }),
    returnWords(page),
    deps.brandReason,
  );
  const a = analyseReturn(c, { config: deps.config, now: deps.now, brand: deps.brand, classification });
  return storedLines(page, a, deps.now);
}

/**
 * What Counterpart has seen of a customer (stored lines with the same e-mail): distinct returns and
 * orders, the current return included, for the serial-returner rule.
 */
export function customerHistory(
  lines: ReadonlyArray<{ customerEmail?: string | null; returnId?: string; orderNumber?: string | null }>,
  email: string | null,
  current: { returnId: string; orderNumber: string | null },
): { orders: number; returns: number } | null {
  if (!email) return null;
  const want = email.trim().toLowerCase();
  const returns = new Set<string>([current.returnId]);
  const orders = new Set<string>(current.orderNumber ? [current.orderNumber] : []);
  for (const l of lines) {
    if (typeof l.customerEmail !== 'string' || l.customerEmail.toLowerCase() !== want) continue;
    if (typeof l.returnId === 'string') returns.add(l.returnId);
    if (typeof l.orderNumber === 'string' && l.orderNumber) orders.add(l.orderNumber);
  }
  return { orders: orders.size, returns: returns.size };
}

/** {@link customerHistory} for a return on its page, from every stored line (the return's own lines set aside). */
export function pageReturnHistory(
  lines: ReadonlyArray<{ customerEmail?: string | null; returnId?: string; orderNumber?: string | null }>,
  page: PageReturn,
): { orders: number; returns: number } | null {
  return customerHistory(
    lines.filter((l) => l.returnId !== page.returnId),
    page.case.customer?.email ?? null,
    { returnId: page.returnId, orderNumber: page.case.order?.number ?? null },
  );
}

/** The local engine with the returns tasks registered: what the CLI falls back to next to a model. */
export function localReturnsEngine(): AiProvider {
  return createLocalEngine(returnsLocalTasks);
}

/** A return given as a case (a CLI line) in the shape the panel's pipeline takes. */
export function caseAsPageReturn(c: ReturnCase, returnId: string): PageReturn {
  return {
    returnId,
    createdAt: c.created_at ?? null,
    comment: c.comment,
    selectedReason: c.selected_reason,
    case: c,
    itemNotes: c.items.map(() => ({ reason: null, comment: null })),
  };
}
