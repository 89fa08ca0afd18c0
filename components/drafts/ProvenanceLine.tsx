import { Notice } from '../ui/primitives';
import type { DraftProvenance } from './types';

/** Who wrote the draft (local engine or model), and any fallback notice, visibly. */
export function ProvenanceLine({ meta }: { meta: DraftProvenance }) {
  const local = meta.provider === 'local';
  return (
    <>
      {meta.notice ? (
        <Notice tone="warn" title="Model fallback">
          <span data-testid="draft-notice">{meta.notice}</span>
        </Notice>
      ) : null}
      <div className="draft-provenance cp-muted" data-testid="draft-provenance">
        <span className={`cp-badge ${local ? '' : 'accent'}`}>
          {local ? 'Local engine' : meta.provider} · {meta.model}
        </span>
        {meta.cached ? <span className="cp-badge">cached</span> : null}
        {meta.durationMs !== undefined ? <span>{Math.round(meta.durationMs)} ms</span> : null}
      </div>
    </>
  );
}
