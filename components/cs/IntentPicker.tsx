import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { INTENT_IDS, INTENT_LABELS, type IntentId } from '../../lib/cs/taxonomy';
import { callOrThrow } from '../../lib/messaging/client';
import type { CsAnalysisView } from '../../lib/messaging/contract/cs';
import { Notice } from '../ui/primitives';
import './intent-picker.css';

/**
 * When the engine is unsure of a ticket's intent (issue 15) it says so and asks the agent to pick:
 * one button per candidate, and "Something else" for the full list. The pick is kept in the
 * browser as a correction the brand's own model learns from. Renders nothing when the engine is sure.
 */
export function IntentPicker({ analysis }: { analysis: CsAnalysisView }) {
  const [picked, setPicked] = useState<{ ticketHash: string; intent: IntentId; corrections: number } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const pick = useMutation({
    mutationFn: (intent: IntentId) => callOrThrow('brandModel.pickIntent', { intent }),
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
          <>
            <span>This ticket will not be answered on its own. Which is it?</span>
            <fieldset className="cs-picker-buttons" aria-label="Pick the intent">
              {candidates.map((id) => (
                <button
                  key={id}
                  type="button"
                  className="cp-btn small"
                  disabled={pick.isPending}
                  onClick={() => pick.mutate(id)}
                >
                  {label(id)}
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
                Intent{' '}
                <select
                  defaultValue=""
                  disabled={pick.isPending}
                  onChange={(e) => {
                    const v = e.target.value as IntentId;
                    if (v) pick.mutate(v);
                  }}
                >
                  <option value="" disabled>
                    Choose…
                  </option>
                  {INTENT_IDS.map((id) => (
                    <option key={id} value={id}>
                      {label(id)}
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
