import { type Classification, classifyReturn } from './classify';
import { DEFAULT_RETURNS_CONFIG, type ReturnsConfig } from './config';
import { boundByLocal, type Decision, decideReturn } from './decide';
import { draftReturnReply, type ReplyDraft, type ReplyLang } from './reply';
import type { AnalyseOutput, ReturnCase } from './schema';

export interface Analysis {
  classification: Classification;
  decision: Decision;
  reply: ReplyDraft;
}

/**
 * Classifies, decides, routes and drafts the reply for one return: the whole local pipeline. With a
 * model configured, the background passes the merged `classification` (see `mergeModelReasons`)
 * and puts the model's photo findings into `c.photo_findings`; the rules stay the same.
 */
export function analyseReturn(
  c: ReturnCase,
  opts: {
    config?: ReturnsConfig;
    /** Fallback end of the return window when the case has no request time (`created_at`). */
    now: Date;
    lang?: ReplyLang;
    brand?: string;
    classification?: Classification;
    /**
     * The local classification when `classification` came from a model: the decision is then
     * bounded by the local one (see `boundByLocal`), so a model can only add reasons for review.
     */
    localClassification?: Classification;
  },
): Analysis {
  const config = opts.config ?? DEFAULT_RETURNS_CONFIG;
  const classification =
    opts.classification ?? classifyReturn({ comment: c.comment, selectedReason: c.selected_reason });
  const decided = decideReturn(c, classification, config, opts.now);
  const local = opts.localClassification;
  const decision =
    local && local !== classification
      ? boundByLocal(decideReturn(c, local, config, opts.now), decided, config)
      : decided;
  const reply = draftReturnReply(c, decision, {
    lang: opts.lang,
    brand: opts.brand,
    currency: config.currency,
    reason: classification.reason,
  });
  return { classification, decision, reply };
}

/** The `analyse-return` output shape of issue 5 item 6. */
export function toAnalyseOutput(a: Analysis): AnalyseOutput {
  return {
    reason: a.classification.reason,
    reasons: a.classification.reasons.map((r) => ({
      id: r.id,
      confidence: r.confidence,
      evidence: r.evidence.map((e) => e.text),
    })),
    mismatch: a.classification.mismatch,
    decision: a.decision.decision,
    rule: a.decision.rule,
    warehouse: a.decision.warehouse,
    flags: a.decision.flags,
    window: {
      from: a.decision.window.from,
      from_source: a.decision.window.fromSource,
      to: a.decision.window.to,
      to_source: a.decision.window.toSource,
      days: a.decision.window.days,
    },
    draft: a.reply.draft,
  };
}
