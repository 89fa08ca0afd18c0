/**
 * What the shared draft UI shows: a draft's text, what it was built from, the facts the fact
 * check could not find in those sources, and who wrote it. Process-neutral (CS, returns, …).
 */
export interface DraftCitation {
  /** e.g. `order_field`, `policy_clause`, `past_reply`, `rule`. */
  kind: string;
  label: string;
  value: string;
}

export interface DraftFlag {
  /** UTF-16 offsets into the draft text, end exclusive. */
  start: number;
  end: number;
  text: string;
  kind: string;
}

export interface DraftProvenance {
  provider: string;
  model: string;
  /** Shown prominently, e.g. "model answer unusable — local result shown". */
  notice?: string;
  fallback?: boolean;
  cached?: boolean;
  durationMs?: number;
}

export interface DraftViewModel {
  id: string;
  text: string;
  citations: DraftCitation[];
  flagged: DraftFlag[];
  meta: DraftProvenance;
  /** Notes for the person, not the customer: e.g. which policy is missing so none was quoted. */
  notes?: string[];
}

export type FeedbackRating = 'good' | 'bad';
