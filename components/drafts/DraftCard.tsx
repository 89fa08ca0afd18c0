import { useState } from 'react';
import { Notice } from '../ui/primitives';
import { CitationChips } from './CitationChips';
import { FeedbackBar } from './FeedbackBar';
import { FlaggedText, flagLabel } from './FlaggedText';
import { ProvenanceLine } from './ProvenanceLine';
import type { DraftViewModel, FeedbackRating } from './types';

export interface ActionResult {
  done: boolean;
  message: string;
}

export interface DraftCardProps {
  draft: DraftViewModel;
  /** Insert into the host app's editor; leave out where the app has no editor (Copy only). */
  onInsert?: (text: string) => Promise<ActionResult>;
  onCopied?: (text: string) => void;
  /** Called when the person saves an edit of the text. */
  onEdited?: (text: string) => void;
  onRegenerate?: () => void;
  regenerating?: boolean;
  onFeedback?: (rating: FeedbackRating, reason?: string) => void;
  /** A result to show from outside (e.g. the draft was placed in the editor automatically). */
  externalResult?: ActionResult | null;
  title?: string;
}

/** Copies text from a framed extension page: the async clipboard API, else a selection copy. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * A draft ready for review: text with unsupported facts highlighted, the sources it used, who
 * wrote it, and the actions (Insert, Copy, Edit, Regenerate) plus Good/Bad feedback.
 */
export function DraftCard({
  draft,
  onInsert,
  onCopied,
  onEdited,
  onRegenerate,
  regenerating,
  onFeedback,
  externalResult,
  title = 'Draft reply',
}: DraftCardProps) {
  const [text, setText] = useState(draft.text);
  const [editing, setEditing] = useState(false);
  const [working, setWorking] = useState(text);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [rating, setRating] = useState<FeedbackRating | null>(null);
  const edited = text !== draft.text;
  const shownResult = result ?? externalResult ?? null;

  const insert = async () => {
    if (!onInsert) return;
    setBusy(true);
    try {
      setResult(await onInsert(text));
    } catch (error) {
      setResult({ done: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    const ok = await copyText(text);
    setResult(
      ok
        ? { done: true, message: 'Copied to the clipboard.' }
        : { done: false, message: 'The browser did not allow copying. Select the text and copy it by hand.' },
    );
    if (ok) onCopied?.(text);
  };

  return (
    <section className="draft-card" data-testid="draft-card" aria-label={title}>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setText(working);
            setEditing(false);
            if (working !== text) onEdited?.(working);
          }}
        >
          <label className="cp-field">
            <span>Edit the draft</span>
            <textarea
              className="cp-textarea draft-textarea"
              value={working}
              rows={Math.min(18, Math.max(6, working.split('\n').length + 1))}
              onChange={(e) => setWorking(e.target.value)}
              onKeyDown={(e) => e.stopPropagation()}
              // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text.
              autoFocus
            />
          </label>
          <div className="cp-row">
            <button className="cp-btn small primary" type="submit">
              Done editing
            </button>
            <button
              className="cp-btn small"
              type="button"
              onClick={() => {
                setWorking(text);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <FlaggedText text={text} flagged={edited ? [] : draft.flagged} />
      )}

      {!edited && draft.flagged.length > 0 ? (
        <p className="draft-flag-note" data-testid="draft-flag-note">
          <span aria-hidden="true">⚠</span> {draft.flagged.length} fact{draft.flagged.length === 1 ? '' : 's'} not found
          in the sources: {draft.flagged.map((f) => `${f.text} (${flagLabel(f.kind)})`).join(', ')}
        </p>
      ) : null}
      {edited ? (
        <p className="cp-muted draft-edited-note">Edited by you — the fact check applies to the original.</p>
      ) : null}

      {draft.notes?.map((note) => (
        <p key={note} className="draft-note" data-testid="draft-note">
          {note}
        </p>
      ))}

      <div className="draft-sources">
        <div className="draft-label">Based on</div>
        <CitationChips citations={draft.citations} />
      </div>

      <ProvenanceLine meta={draft.meta} />

      {!editing ? (
        <div className="draft-actions cp-row" role="toolbar" aria-label="Draft actions">
          {onInsert ? (
            <button className="cp-btn primary" type="button" onClick={insert} disabled={busy}>
              {busy ? 'Inserting…' : 'Insert'}
            </button>
          ) : null}
          <button className={`cp-btn ${onInsert ? '' : 'primary'}`} type="button" onClick={copy}>
            Copy
          </button>
          <button
            className="cp-btn"
            type="button"
            onClick={() => {
              setWorking(text);
              setEditing(true);
            }}
          >
            Edit
          </button>
          {onRegenerate ? (
            <button className="cp-btn" type="button" onClick={onRegenerate} disabled={regenerating}>
              {regenerating ? 'Regenerating…' : 'Regenerate'}
            </button>
          ) : null}
        </div>
      ) : null}

      {shownResult ? (
        <Notice tone={shownResult.done ? 'ok' : 'bad'}>
          <span data-testid="draft-action-result">{shownResult.message}</span>
        </Notice>
      ) : null}

      {onFeedback ? (
        <FeedbackBar
          sent={rating}
          onFeedback={(r, reason) => {
            setRating(r);
            onFeedback(r, reason);
          }}
        />
      ) : null}
    </section>
  );
}
