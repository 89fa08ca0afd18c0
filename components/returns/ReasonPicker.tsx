import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import { REASON_IDS, REASON_LABELS, type ReasonId } from '../../lib/returns/taxonomy';
import { CandidateChoices } from '../ui/CandidateChoices';
import { Notice } from '../ui/primitives';
import '../cs/intent-picker.css';

/**
 * When the customer's comment points two ways (issue 15), the returns panel says so and asks the
 * returns lead which reason it is; until then the decision is "Human review" (never a refund,
 * exchange or refusal on a guessed reason). The pick is kept in this browser as a correction the
 * brand's own reason model learns from, and the return is analysed again with it. Renders nothing
 * when the reason is sure.
 */
export function ReasonPicker({
  returnId,
  doubt,
  onPicked,
}: {
  returnId: string;
  doubt: { candidates: ReasonId[]; question: string } | null;
  onPicked: () => void;
}) {
  const [picked, setPicked] = useState<{ returnId: string; reason: ReasonId; corrections: number } | null>(null);
  const pick = useMutation({
    mutationFn: (reason: ReasonId) => callOrThrow('learning.pickReason', { reason }),
    onSuccess: (r, reason) => {
      setPicked({ returnId, reason, corrections: r.corrections });
      onPicked();
    },
  });
  const done = picked?.returnId === returnId ? picked : null;
  if (!doubt && !done) return null;
  return (
    <div className="cs-picker" data-testid="returns-reason-picker">
      <Notice tone={done ? 'ok' : 'warn'} title={done ? 'Reason picked' : doubt?.question}>
        {done ? (
          <span data-testid="returns-reason-picked">
            Thanks: recorded as “{REASON_LABELS[done.reason]}” ({done.corrections}{' '}
            {done.corrections === 1 ? 'pick' : 'picks'} so far, kept in this browser). The decision below now uses it.
          </span>
        ) : doubt ? (
          <CandidateChoices
            prompt="The comment points more than one way, so a person decides. Which reason is it?"
            candidates={doubt.candidates}
            all={REASON_IDS}
            labelOf={(id) => REASON_LABELS[id]}
            what="return reason"
            pending={pick.isPending}
            error={pick.isError ? pick.error.message : null}
            onPick={(id) => pick.mutate(id)}
          />
        ) : null}
      </Notice>
    </div>
  );
}
