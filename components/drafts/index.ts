import './drafts.css';

export { CitationChips } from './CitationChips';
export { type ActionResult, DraftCard, type DraftCardProps } from './DraftCard';
export { FeedbackBar } from './FeedbackBar';
export { FlaggedText, flagLabel, splitFlagged } from './FlaggedText';
export { ProvenanceLine } from './ProvenanceLine';
export { StreamingDraft } from './StreamingDraft';
export type { DraftCitation, DraftFlag, DraftProvenance, DraftViewModel, FeedbackRating } from './types';
