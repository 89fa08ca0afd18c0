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

const squeeze = (s: string) => s.replace(ZERO_WIDTH, '').replace(/\s+/g, '');

/**
 * The DOM range covering `needle` in the editor, matched on non-space characters so Draft's block
 * split (a paragraph per block, empty blocks between) does not matter; null when it is not there.
 */
function findTextRange(doc: Document, editor: HTMLElement, needle: string): Range | null {
  const want = squeeze(needle);
  if (!want) return null;
  const points: Array<{ node: Text; offset: number }> = [];
  let flat = '';
  const walker = doc.createTreeWalker(editor, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const data = t.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (/[\s\u200b-\u200d\ufeff]/.test(ch)) continue;
      points.push({ node: t, offset: i });
      flat += ch;
    }
  }
  const at = flat.lastIndexOf(want);
  if (at < 0) return null;
  const first = points[at]!;
  const last = points[at + want.length - 1]!;
  const range = doc.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

/** The text Counterpart last placed in each mounted editor: Insert replaces it instead of adding another copy. */
const placed = new WeakMap<HTMLElement, string>();

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
  const beforeRaw = readEditorText(doc);
  const before = canon(beforeRaw);
  // Idempotent: the same draft already in the editor (a second click, a reloaded content script)
  // is not added again.
  if (target && occurrences(before, target) > 0) {
    placed.set(editor, text);
    return { ok: true, method: null, attempts };
  }
  // Replace only the block we placed last, found verbatim; anything the agent typed around it stays.
  // When the agent edited that block it is theirs now, so the new draft goes after it instead.
  const previous = placed.get(editor);
  const selectPrevious = () => {
    const range = previous ? findTextRange(doc, editor, previous) : null;
    const sel = doc.getSelection?.();
    if (!range || !sel) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  };
  const expected =
    previous && squeeze(beforeRaw).includes(squeeze(previous))
      ? (() => {
          const b = squeeze(beforeRaw);
          const i = b.lastIndexOf(squeeze(previous));
          return b.slice(0, i) + squeeze(text) + b.slice(i + squeeze(previous).length);
        })()
      : null;
  const landed = () => {
    const nowRaw = readEditorText(doc);
    if (expected !== null) return squeeze(nowRaw) === expected;
    return occurrences(canon(nowRaw), target) === occurrences(before, target) + 1;
  };
  const place = () => {
    editor.focus();
    if (expected === null || !selectPrevious()) placeCaretAtEnd(doc, editor);
  };
  place();

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
    if (ok) {
      placed.set(editor, text);
      return { ok, method: 'paste', attempts };
    }
    // The editor took the paste its own way (e.g. appended instead of replacing): trying again
    // would stack a second copy, so the agent gets the copy path instead.
    if (squeeze(readEditorText(doc)) !== squeeze(beforeRaw)) {
      return {
        ok: false,
        method: null,
        attempts,
        error:
          'The Gorgias reply editor changed in an unexpected way; check it, or copy the draft and paste it (Ctrl/Cmd+V).',
      };
    }
  } catch (error) {
    attempts.push({ method: 'paste', ok: false, detail: error instanceof Error ? error.message : String(error) });
  }

  try {
    place();
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
    if (ok) {
      placed.set(editor, text);
      return { ok, method: 'execCommand', attempts };
    }
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
