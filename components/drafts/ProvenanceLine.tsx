import { Details, Notice } from '../ui/primitives';
import type { DraftProvenance } from './types';

/**
 * Who wrote the draft, in plain words (the built-in engine or the model's name), and any fallback
 * notice, visibly; the engine id, cache and timing sit behind "Details".
 */
export function ProvenanceLine({ meta }: { meta: DraftProvenance }) {
  const local = meta.provider === 'local';
  return (
    <>
      {meta.notice ? (
        <Notice tone="warn" title="The AI model's answer was not used">
          <span data-testid="draft-notice">{meta.notice}</span>
        </Notice>
      ) : null}
      <div className="draft-provenance cp-muted" data-testid="draft-provenance">
        <span className={`cp-badge ${local ? '' : 'accent'}`}>
          {local ? 'Written by Counterpart’s built-in engine' : `Written by ${meta.model}`}
        </span>
        <Details testId="draft-provenance-details">
          <span>
            Engine: <code>{meta.provider}</code> · model <code>{meta.model}</code>
            {meta.cached ? ' · from the cache' : ''}
            {meta.durationMs !== undefined ? ` · ${Math.round(meta.durationMs)} ms` : ''}
          </span>
        </Details>
      </div>
    </>
  );
}
