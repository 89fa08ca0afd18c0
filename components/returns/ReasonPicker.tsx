import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import { REASON_IDS, REASON_LABELS, type ReasonId } from '../../lib/returns/taxonomy';
import { Notice } from '../ui/primitives';
import '../cs/intent-picker.css';

/**
 * When the customer's comment points two ways (issue 15), the returns panel says so and asks the
 * agent which reason it is; the pick is kept in this browser as a correction the brand's own reason
 * model learns from. Renders nothing when the classifier is sure.
 */
export function ReasonPicker({ returnId }: { returnId: string }) {
  const doubt = useQuery({
    queryKey: ['brandModel', 'reasonDoubt', returnId],
    queryFn: () => callOrThrow('brandModel.reasonDoubt', {}),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 0,
    networkMode: 'always',
  });
  const [picked, setPicked] = useState<{ returnId: string; reason: ReasonId; corrections: number } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const pick = useMutation({
    mutationFn: (reason: ReasonId) => callOrThrow('brandModel.pickReason', { reason }),
    onSuccess: (r, reason) => setPicked({ returnId, reason, corrections: r.corrections }),
  });
  const d = doubt.data?.doubt;
  if (!d) return null;
  const done = picked?.returnId === returnId ? picked : null;
  return (
    <div className="cs-picker" data-testid="returns-reason-picker">
      <Notice tone="warn" title={d.question}>
        {done ? (
          <span data-testid="returns-reason-picked">
            Thanks: recorded as “{REASON_LABELS[done.reason]}” ({done.corrections} picks so far, kept in this browser).
          </span>
        ) : (
          <>
            <span>The comment points more than one way. Which reason is it?</span>
            <fieldset className="cs-picker-buttons" aria-label="Pick the return reason">
              {d.candidates.map((id) => (
                <button
                  key={id}
                  type="button"
                  className="cp-btn small"
                  disabled={pick.isPending}
                  onClick={() => pick.mutate(id)}
                >
                  {REASON_LABELS[id]}
                </button>
              ))}
              <button
                type="button"
                className="cp-btn small"
                aria-expanded={showAll}
                onClick={() => setShowAll((v) => !v)}
              >
                Something else…
              </button>
            </fieldset>
            {showAll ? (
              <label className="cs-picker-all">
                Reason{' '}
                <select
                  defaultValue=""
                  disabled={pick.isPending}
                  onChange={(e) => {
                    const v = e.target.value as ReasonId;
                    if (v) pick.mutate(v);
                  }}
                >
                  <option value="" disabled>
                    Choose…
                  </option>
                  {REASON_IDS.map((id) => (
                    <option key={id} value={id}>
                      {REASON_LABELS[id]}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {pick.isError ? (
              <div className="cs-picker-error">Could not record the pick: {pick.error.message}</div>
            ) : null}
          </>
        )}
      </Notice>
    </div>
  );
}
