/**
 * Text as real customers write it (issue 15): e-mails carry the quoted thread and a signature,
 * tweets start with @handles, chat messages drop apostrophes, misspell, stretch words ("sooo")
 * and add emoji. `cleanMessage` keeps only what the customer wrote this time; `normaliseText`
 * gives the rules and the model one spelling of it. Plain functions, no state, fast (they run on
 * every ticket: the bench measures the whole classifier at well over 2,000 tickets/s).
 */

/** Lines that start the quoted history of an e-mail (everything from there on is dropped). */
const QUOTE_HEADER =
  /^(?:>|-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original)|_{5,}|on .{3,120}wrote:?\s*$|am .{3,120}schrieb .{1,80}:\s*$|le .{3,120}a écrit\s*:?\s*$|el .{3,120}escribió:?\s*$|(?:from|von|de|sent|gesendet|envoyé|enviado):\s.+$)/i;

/** Lines that start a signature or a mail client's footer. */
const SIGNATURE =
  /^(?:--\s*$|sent from my |get outlook for |envoyé de mon |von meinem \w+ gesendet|enviado desde mi |(?:best|kind|warm)(?:est)? regards\b|regards,?\s*$|best,?\s*$|cheers,?\s*$|thanks?(?: you)?(?: (?:so|very) much| a lot| again| in advance)?[,!.]?\s*$|many thanks,?\s*$|sincerely,?\s*$|mit freundlichen grüßen|viele grüße|liebe grüße|cordialement|bien à vous|saludos|un saludo|atentamente)/i;

/** The customer's own words of one message: quoted history, signature, leading @handles and links removed. */
export function cleanMessage(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const [i, line] of lines.entries()) {
    const t = line.trim();
    if (QUOTE_HEADER.test(t)) break;
    // A signature line ends the message only after some content, so "Thanks, where is my order?" stays.
    if (kept.some((k) => k.trim()) && SIGNATURE.test(t) && t.length < 60 && i > 0) break;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/^(?:\s*@\w+)+/, '')
    .replace(/https?:\/\/\S+/g, ' ')
    .trim();
}

/** Apostrophe-less contractions as chats write them, to the spelling the rules know. */
const CONTRACTIONS: Record<string, string> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  cant: "can't",
  couldnt: "couldn't",
  wont: "won't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  im: "i'm",
  ive: "i've",
  id: "i'd",
  youre: "you're",
  theyre: "they're",
  thats: "that's",
  whats: "what's",
  wheres: "where's",
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
};

/** Common misspellings in support messages (whole words only). */
const TYPOS: Record<string, string> = {
  recieve: 'receive',
  recieved: 'received',
  recived: 'received',
  receieved: 'received',
  adress: 'address',
  addres: 'address',
  adresse: 'adresse',
  pakage: 'package',
  packge: 'package',
  pacakge: 'package',
  parcle: 'parcel',
  delievery: 'delivery',
  delivary: 'delivery',
  deliverd: 'delivered',
  delieverd: 'delivered',
  cancle: 'cancel',
  cancell: 'cancel',
  canel: 'cancel',
  cancelation: 'cancellation',
  refnd: 'refund',
  reimbursment: 'reimbursement',
  ordr: 'order',
  oder: 'order',
  trackin: 'tracking',
  trakcing: 'tracking',
  exhange: 'exchange',
  exchnage: 'exchange',
  retrun: 'return',
  reutrn: 'return',
  defected: 'defective',
  subscripton: 'subscription',
  subcription: 'subscription',
  passwrod: 'password',
  acount: 'account',
  accout: 'account',
  wholesell: 'wholesale',
  shiped: 'shipped',
  arived: 'arrived',
  arrvied: 'arrived',
  tho: 'though',
};

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}]/gu;

/**
 * One spelling for matching: lower case, accents folded (ä→a, é→e, ß→ss), curly quotes straight,
 * emoji and emoticons dropped, stretched letters shortened ("sooo" → "soo"), apostrophe-less
 * contractions and common typos mapped. Offsets are not kept (rules report the matched text).
 */
export function normaliseText(text: string): string {
  const folded = text
    .replace(EMOJI, ' ')
    .replace(/(?:^|\s)[:;=]-?[()DPp/\\|]+(?=\s|$)/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/([a-z])\1{2,}/g, '$1$1')
    .replace(/&amp;/g, '&');
  return folded.replace(/[a-z]+/g, (w) => CONTRACTIONS[w] ?? TYPOS[w] ?? w);
}

/** Negators that turn a following cue around, in the languages the rules cover. */
const NEGATOR =
  /\b(?:not|no|never|don't|doesn't|didn't|won't|wouldn't|isn't|wasn't|aren't|haven't|hasn't|can't|cannot|nicht|kein|keine|keinen|nie|pas|jamais|ne|nunca|tampoco)\b/;

/**
 * True when a cue at `index` of `text` (normalised) is negated: a negator among the three words
 * before it, in the same clause ("I don't want to cancel", "no need to return it"). Hedges ("not
 * sure it's the right size") are negations of the hedge, not of the cue: callers decide which cues
 * take negation.
 */
export function negatedAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  const clause = before.split(/[.,;:!?\n]|\bbut\b|\baber\b|\bmais\b|\bpero\b/).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-3);
  if (words.length && /^(?:sure|certain|idea|clue)$/.test(words[words.length - 1]!)) return false;
  return words.some((w) => NEGATOR.test(w));
}
