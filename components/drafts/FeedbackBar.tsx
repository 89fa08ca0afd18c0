import { useState } from 'react';
import type { FeedbackRating } from './types';

/** Good / Bad on a draft; Bad asks for a short reason before it is sent. */
export function FeedbackBar({
  onFeedback,
  sent,
}: {
  onFeedback: (rating: FeedbackRating, reason?: string) => void;
  /** The rating already given (shown instead of the buttons). */
  sent?: FeedbackRating | null;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (sent)
    return (
      <p className="draft-feedback cp-muted" role="status">
        Thanks — feedback recorded ({sent}).
      </p>
    );
  if (asking)
    return (
      <form
        className="draft-feedback"
        onSubmit={(e) => {
          e.preventDefault();
          onFeedback('bad', reason.trim() || undefined);
          setAsking(false);
        }}
      >
        <label className="cp-field">
          <span>What was wrong?</span>
          <input
            className="cp-input"
            value={reason}
            maxLength={500}
            placeholder="e.g. wrong tone, wrong policy, invented date"
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => e.stopPropagation()}
          />
        </label>
        <div className="cp-row">
          <button className="cp-btn small primary" type="submit">
            Send feedback
          </button>
          <button className="cp-btn small" type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="draft-feedback cp-row">
      <span className="cp-muted">Was this draft useful?</span>
      <button className="cp-btn small" type="button" onClick={() => onFeedback('good')} aria-label="Good draft">
        Good
      </button>
      <button className="cp-btn small" type="button" onClick={() => setAsking(true)} aria-label="Bad draft">
        Bad
      </button>
    </div>
  );
}
