import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { INTENT_IDS, INTENT_LABELS, type IntentId } from '../../lib/cs/taxonomy';
import { callOrThrow } from '../../lib/messaging/client';
import type { CsAnalysisView } from '../../lib/messaging/contract/cs';
import { CandidateChoices } from '../ui/CandidateChoices';
import { Notice } from '../ui/primitives';
import './intent-picker.css';

/**
 * When the engine is unsure of a ticket's intent (issue 15) it says so and asks the agent to pick:
 * one button per candidate, and "Something else" for the full list. The pick is kept in the
 * browser as a correction the brand's own model learns from. Renders nothing when the engine is sure.
 */
export function IntentPicker({ analysis }: { analysis: CsAnalysisView }) {
  const [picked, setPicked] = useState<{ ticketHash: string; intent: IntentId; corrections: number } | null>(null);
  const pick = useMutation({
    mutationFn: (intent: IntentId) => callOrThrow('learning.pickIntent', { intent }),
    onSuccess: (r, intent) => setPicked({ ticketHash: analysis.ticketHash, intent, corrections: r.corrections }),
  });
  const doubt = analysis.doubt;
  if (!doubt) return null;
  const done = picked?.ticketHash === analysis.ticketHash ? picked : null;
  const candidates = doubt.candidates.filter((id) => id !== 'other');
  const label = (id: IntentId) => INTENT_LABELS[id];
  return (
    <div className="cs-picker" data-testid="cs-intent-picker">
      <Notice tone="warn" title={doubt.question}>
        {done ? (
          <span data-testid="cs-intent-picked">
            Thanks: recorded as “{label(done.intent)}”. Counterpart learns from your picks ({done.corrections} so far);
            they stay in this browser.
          </span>
        ) : (
          <CandidateChoices
            prompt="This ticket will not be answered on its own. Which is it?"
            candidates={candidates}
            all={INTENT_IDS}
            labelOf={label}
            what="intent"
            pending={pick.isPending}
            error={pick.isError ? pick.error.message : null}
            onPick={(id) => pick.mutate(id)}
          />
        )}
      </Notice>
    </div>
  );
}
