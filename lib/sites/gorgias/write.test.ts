// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { loadGorgiasFixture } from './fixture-loader';
import { draftToHtml, findReplyEditor, insertDraft, lastAgentMessage, readEditorText } from './write';

const opened: Array<{ close(): void }> = [];
function open(path: string) {
  const w = loadGorgiasFixture('app.html', `https://northwind.gorgias.com${path}`);
  opened.push(w);
  return { w, doc: w.document as unknown as Document };
}
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

const DRAFT = 'Hi Jane,\n\nGood news: order #1047 has shipped.\n\nBest,\nSam at Northwind Apparel';

describe('insertDraft (Draft.js reply editor)', () => {
  it('pastes the draft into the editor state so the Send button is enabled', () => {
    const { w, doc } = open('/app/views/123/4101');
    const send = doc.querySelector('.btn-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    const r = insertDraft(doc, DRAFT);
    expect(r).toMatchObject({ ok: true, method: 'paste' });
    expect((w as unknown as { __editorState: { text: string } }).__editorState.text).toBe(DRAFT);
    expect(readEditorText(doc)).toBe(DRAFT);
    expect(send.disabled).toBe(false);
  });

  it('replaces the draft it placed on a second Insert, so the editor holds one copy', () => {
    const { w, doc } = open('/app/views/123/4101');
    const state = () => (w as unknown as { __editorState: { text: string } }).__editorState.text;
    expect(insertDraft(doc, DRAFT).ok).toBe(true);
    expect(insertDraft(doc, DRAFT).ok).toBe(true);
    expect(state()).toBe(DRAFT);
    const regenerated = DRAFT.replace('Good news', 'Great news');
    expect(insertDraft(doc, regenerated)).toMatchObject({ ok: true, method: 'paste' });
    expect(state()).toBe(regenerated);
  });

  it('keeps what the agent typed around the placed draft and replaces only the draft', () => {
    const { w, doc } = open('/app/views/123/4101');
    const state = () => (w as unknown as { __editorState: { text: string } }).__editorState.text;
    insertDraft(doc, DRAFT);
    const editor = findReplyEditor(doc)!;
    // The agent adds a line after the draft (typed text arrives as beforeinput, as in Draft.js).
    editor.dispatchEvent(
      new (doc.defaultView as unknown as typeof window).InputEvent('beforeinput', {
        inputType: 'insertText',
        data: '\nPS: 10% off your next order.',
        cancelable: true,
      }),
    );
    expect(state()).toBe(`${DRAFT}\nPS: 10% off your next order.`);
    const regenerated = DRAFT.replace('Good news', 'Great news');
    expect(insertDraft(doc, regenerated).ok).toBe(true);
    expect(state()).toBe(`${regenerated}\nPS: 10% off your next order.`);
  });

  it('adds the new draft after the placed one when the agent edited it, never overwriting their edit', () => {
    const { w, doc } = open('/app/views/123/4101');
    const state = () => (w as unknown as { __editorState: { text: string } }).__editorState.text;
    insertDraft(doc, DRAFT);
    // The agent selects "has shipped" inside the placed draft and types over it.
    const editor = findReplyEditor(doc)!;
    editor.focus();
    const line = [...editor.querySelectorAll('[data-text="true"]')].find((n) =>
      n.textContent?.includes('has shipped'),
    )!;
    const node = line.firstChild as Text;
    const at = node.data.indexOf('has shipped');
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'has shipped'.length);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    editor.dispatchEvent(
      new (doc.defaultView as unknown as typeof window).InputEvent('beforeinput', {
        inputType: 'insertText',
        data: 'shipped yesterday',
        cancelable: true,
      }),
    );
    const edited = DRAFT.replace('has shipped', 'shipped yesterday');
    expect(state()).toBe(edited);
    const regenerated = DRAFT.replace('Good news', 'Great news');
    expect(insertDraft(doc, regenerated).ok).toBe(true);
    expect(state()).toBe(edited + regenerated);
  });

  it('shows why writing innerHTML is not an option: the editor re-renders from state', () => {
    const { doc } = open('/app/views/123/4101');
    const editor = findReplyEditor(doc)!;
    editor.innerHTML = '<div data-block="true">typed behind Draft’s back</div>';
    editor.dispatchEvent(new (doc.defaultView as unknown as typeof window).FocusEvent('blur'));
    expect(readEditorText(doc)).toBe('');
  });

  it('captures the sent text as the last agent message', () => {
    const { doc } = open('/app/views/123/4101');
    expect(lastAgentMessage(doc)).toBeNull();
    insertDraft(doc, DRAFT);
    (doc.querySelector('.btn-send') as HTMLButtonElement).click();
    expect(lastAgentMessage(doc)?.body).toBe(DRAFT);
    expect(readEditorText(doc)).toBe('');
  });

  it('reports every failed attempt when the editor ignores paste and insertText', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML =
      '<div class="rich-textarea-wrapper"><div class="editor-wrapper"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"></div></div></div></div>';
    const r = insertDraft(doc, 'Hello');
    expect(r.ok).toBe(false);
    expect(r.attempts.map((a) => [a.method, a.ok])).toEqual([
      ['paste', false],
      ['execCommand', false],
    ]);
    expect(r.error).toContain('copy the draft');
  });

  it('names the missing editor', () => {
    const doc = document.implementation.createHTMLDocument('x');
    expect(insertDraft(doc, 'Hello').error).toBe('Gorgias: reply editor not found on ticket view');
  });

  it('escapes customer-controlled text in the pasted HTML', () => {
    expect(draftToHtml('a <b>\n\nc')).toBe('<p>a &lt;b&gt;</p><p>c</p>');
  });
});
