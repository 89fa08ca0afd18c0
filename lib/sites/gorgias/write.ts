import { readThread } from './extract';
import { queryFirst } from './selectors';

const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
const canon = (s: string) => s.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();

/** The reply editor element (Draft.js content root), or null when it is not mounted. */
export function findReplyEditor(doc: Document): HTMLElement | null {
  return (queryFirst(doc, 'replyEditor')?.el as HTMLElement | undefined) ?? null;
}

/** Text currently in the reply editor, one line per Draft block; '' when empty or absent. */
export function readEditorText(doc: Document): string {
  const editor = findReplyEditor(doc);
  if (!editor) return '';
  const blocks = editor.querySelectorAll('[data-block="true"]');
  const lines = blocks.length > 0 ? [...blocks].map((b) => b.textContent ?? '') : [editor.textContent ?? ''];
  return lines.join('\n').replace(ZERO_WIDTH, '');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sanitised HTML for the paste: paragraphs and <br> only, so Gorgias' paste handler does not run Markdown on plain text. */
export function draftToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export type InsertMethod = 'paste' | 'execCommand';
export interface InsertResult {
  ok: boolean;
  /** The technique that put the text into the editor's state, or null. */
  method: InsertMethod | null;
  /** Every technique tried, in order, with what happened (shown in the panel on failure). */
  attempts: Array<{ method: InsertMethod; ok: boolean; detail: string }>;
  /** Set when nothing worked: the panel falls back to copy + "press Ctrl/Cmd+V". */
  error?: string;
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

function placeCaretAtEnd(doc: Document, editor: HTMLElement): void {
  const sel = doc.getSelection?.();
  if (!sel) return;
  const range = doc.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * Inserts a draft into the Gorgias Draft.js reply editor so Draft's own state holds it (reference
 * §2.4): a synthetic paste carrying text/plain + text/html (run from the MAIN world in Firefox, where
 * an isolated-world paste arrives empty), verified by reading the editor back; then
 * `execCommand('insertText')`. Never writes innerHTML (Draft re-renders from state and drops it).
 */
export function insertDraft(doc: Document, text: string): InsertResult {
  const attempts: InsertResult['attempts'] = [];
  const editor = findReplyEditor(doc);
  if (!editor) {
    return { ok: false, method: null, attempts, error: 'Gorgias: reply editor not found on ticket view' };
  }
  const target = canon(text);
  const before = canon(readEditorText(doc));
  const landed = () => {
    const now = canon(readEditorText(doc));
    return occurrences(now, target) === occurrences(before, target) + 1;
  };
  editor.focus();
  placeCaretAtEnd(doc, editor);

  const view = doc.defaultView;
  try {
    if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function')
      throw new Error('no ClipboardEvent/DataTransfer');
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    data.setData('text/html', draftToHtml(text));
    editor.dispatchEvent(new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const ok = landed();
    attempts.push({
      method: 'paste',
      ok,
      detail: ok ? 'editor shows the draft once' : 'editor text unchanged after paste',
    });
    if (ok) return { ok, method: 'paste', attempts };
  } catch (error) {
    attempts.push({ method: 'paste', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }

  try {
    editor.focus();
    placeCaretAtEnd(doc, editor);
    const accepted = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
    const ok = landed();
    attempts.push({
      method: 'execCommand',
      ok,
      detail: ok
        ? 'editor shows the draft once'
        : accepted
          ? 'command ran but editor text unchanged'
          : 'command not supported',
    });
    if (ok) return { ok, method: 'execCommand', attempts };
  } catch (error) {
    attempts.push({ method: 'execCommand', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }
  return {
    ok: false,
    method: null,
    attempts,
    error: 'Could not insert into the Gorgias reply editor; copy the draft and paste it (Ctrl/Cmd+V).',
  };
}

/** The newest agent message in the thread (what was just sent), for the draft-vs-sent metrics; null when none. */
export function lastAgentMessage(doc: Document): { id: string | null; body: string; time: string | null } | null {
  const { messages } = readThread(doc);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.from === 'agent') return { id: m.id, body: m.body, time: m.time };
  }
  return null;
}
