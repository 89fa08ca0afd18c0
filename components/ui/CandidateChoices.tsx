import { useState } from 'react';

/**
 * The engine's candidates as buttons, and "Something else…" for the full list: how the panels ask
 * an agent to settle a case the engine is unsure of (an intent, a return reason).
 */
export function CandidateChoices<T extends string>({
  prompt,
  candidates,
  all,
  labelOf,
  what,
  pending,
  error,
  onPick,
}: {
  prompt: string;
  candidates: readonly T[];
  all: readonly T[];
  labelOf: (id: T) => string;
  /** What is picked, for the group's and the list's names ("intent", "return reason"). */
  what: string;
  pending: boolean;
  error: string | null;
  onPick: (id: T) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  return (
    <>
      <span>{prompt}</span>
      <fieldset className="cs-picker-buttons" aria-label={`Pick the ${what}`}>
        {candidates.map((id) => (
          <button key={id} type="button" className="cp-btn small" disabled={pending} onClick={() => onPick(id)}>
            {labelOf(id)}
          </button>
        ))}
        <button type="button" className="cp-btn small" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          Something else…
        </button>
      </fieldset>
      {showAll ? (
        <label className="cs-picker-all">
          {what[0]!.toUpperCase() + what.slice(1)}{' '}
          <select
            defaultValue=""
            disabled={pending}
            onChange={(e) => {
              const v = e.target.value as T;
              if (v) onPick(v);
            }}
          >
            <option value="" disabled>
              Choose…
            </option>
            {all.map((id) => (
              <option key={id} value={id}>
                {labelOf(id)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {error ? <div className="cs-picker-error">Could not record the pick: {error}</div> : null}
    </>
  );
}
