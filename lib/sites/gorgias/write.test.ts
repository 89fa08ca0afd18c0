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
