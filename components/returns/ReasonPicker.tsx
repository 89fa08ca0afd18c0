import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { REASON_IDS, REASON_LABELS, type ReasonId } from '../../lib/returns/taxonomy';
import { CandidateChoices } from '../ui/CandidateChoices';
import { Notice } from '../ui/primitives';
import '../cs/intent-picker.css';

/**
 * When the customer's comment points two ways (issue 15), the returns panel says so and asks the
 * agent which reason it is; the pick is kept in this browser as a correction the brand's own reason
 * model learns from. Renders nothing when the classifier is sure.
 */
export function ReasonPicker({ returnId }: { returnId: string }) {
  const doubt = useQuery({
    queryKey: queryKeys.learning.reasonDoubt(returnId),
    queryFn: () => callOrThrow('learning.reasonDoubt', {}),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 0,
    networkMode: 'always',
  });
  const [picked, setPicked] = useState<{ returnId: string; reason: ReasonId; corrections: number } | null>(null);
  const pick = useMutation({
    mutationFn: (reason: ReasonId) => callOrThrow('learning.pickReason', { reason }),
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
          <CandidateChoices
            prompt="The comment points more than one way. Which reason is it?"
            candidates={d.candidates}
            all={REASON_IDS}
            labelOf={(id) => REASON_LABELS[id]}
            what="return reason"
            pending={pick.isPending}
            error={pick.isError ? pick.error.message : null}
            onPick={(id) => pick.mutate(id)}
          />
        )}
      </Notice>
    </div>
  );
}
