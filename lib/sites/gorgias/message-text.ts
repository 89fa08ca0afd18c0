/**
 * Splits a Gorgias message body into the customer's own words and what came with them. Collapsed
 * messages show `stripped_text` (quotes removed); an expanded one shows the full body with quoted
 * history and signature (Content.tsx `isMessageExpanded`), so the DOM path cuts them here and keeps
 * them apart. Markers are the mail clients' own: Gmail `.gmail_quote`/`.gmail_signature`,
 * Apple/Thunderbird `blockquote[type=cite]`/`.moz-cite-prefix`/`.moz-signature`, Outlook
 * `#divRplyFwdMsg`/`#appendonsend`, and the text lines "On … wrote:" in the five UI languages.
 */

/** Quote and signature elements of the mail clients (see above). */
const MARKED = [
  'blockquote',
  '.gmail_quote',
  '.gmail_extra',
  '.moz-cite-prefix',
  '#divRplyFwdMsg',
  '#appendonsend',
  '[class*="quote"]',
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  '.moz-signature',
].join(',');

/** "On Tue, 3 Nov 2026, Jane <jane@…> wrote:" and its de/fr/es/ja forms; Outlook's "From: … Sent: …" header. */
const QUOTE_INTRO =
  /^(?:On .{3,200} wrote:|Am .{3,200} schrieb .{1,200}:|Le .{3,200} a écrit\s?:|El .{3,200} escribió:|.{3,200}のメッセージ[:：]|.{3,200}に.{1,100}が書きました[:：]|-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}|(?:From|Von|De|Expéditeur)\s*:.+)$/im;
/** Sign-off lines that start a signature: the "-- " delimiter and the phones' "Sent from my …". */
const SIGNATURE_START =
  /^(?:--\s*|—\s*|Sent from my .+|Von meinem .+ gesendet|Envoyé de mon .+|Enviado desde mi .+|.+から送信)$/im;

export interface SplitBody {
  /** The customer's (or agent's) own words. */
  text: string;
  /** Quoted history and signature, kept apart (empty when there was none). */
  quoted: string;
}

/** Cuts quoted history and signature from a message's text. */
export function splitText(full: string): SplitBody {
  const lines = full.split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (i > 0 && (QUOTE_INTRO.test(line) || /^>/.test(line) || SIGNATURE_START.test(line))) {
      cut = i;
      break;
    }
  }
  return { text: lines.slice(0, cut).join('\n').trim(), quoted: lines.slice(cut).join('\n').trim() };
}

/**
 * Text of a message body with quote and signature elements taken out (content script). The
 * text-level cut (`splitText`) runs in the background (`normaliseTicket`), keeping its patterns
 * out of the content script. `textOf` is the adapter's text walker.
 */
export function splitBody(body: Element, textOf: (el: Element) => string): SplitBody {
  if (!body.querySelector(MARKED)) return { text: textOf(body), quoted: '' };
  const clone = body.cloneNode(true) as Element;
  const quoted: string[] = [];
  // Document order: an outer quote is removed first, and the quotes inside it go with it.
  for (const el of clone.querySelectorAll(MARKED))
    if (clone.contains(el)) {
      quoted.push(textOf(el));
      el.remove();
    }
  return { text: textOf(clone), quoted: quoted.filter(Boolean).join('\n\n') };
}
