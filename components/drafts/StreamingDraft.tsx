import { Spinner } from '../ui/primitives';

/**
 * A draft while the model writes it: the text so far (unchecked, not actionable) and a
 * "writing…" line. The checked draft (DraftCard) replaces it when the model is done.
 */
export function StreamingDraft({ text, model }: { text: string; model: string }) {
  return (
    <section
      className="draft-card draft-streaming"
      data-testid="draft-streaming"
      aria-label="Draft being written"
      aria-busy="true"
    >
      <div className="draft-text draft-stream-text" data-testid="draft-stream-text">
        {text}
        <span className="draft-caret" aria-hidden="true" />
      </div>
      <Spinner label={`writing… · ${model}`} />
    </section>
  );
}
