/**
 * Prompt-injection detection for customer and page text.
 *
 * Rules, not a model: each rule is a named family of patterns (English and German, a few
 * common Spanish/French override phrasings) with a weight; the score combines the weights of
 * the rules that fired as independent evidence (1 − Π(1 − w)). Text is flagged when the score
 * reaches {@link INJECTION_THRESHOLD}. Tuned only on hand-written examples and the deepset
 * train split; see bench/injection.ts for measured rates.
 */

import { z } from 'zod';

export interface InjectionResult {
  injection: boolean;
  /** Human-readable reason per rule that fired, e.g. "override: asks to ignore previous instructions". */
  reasons: string[];
  /** 0..1; combined weight of the rules that fired. */
  score: number;
}

/** Score at or above which text counts as an injection attempt. */
export const INJECTION_THRESHOLD = 0.5;

interface Rule {
  id: string;
  reason: string;
  weight: number;
  patterns: RegExp[];
}

// Invisible or direction-changing characters: zero-width space/joiners, word joiner, BOM,
// bidi embeddings/overrides/isolates and Unicode tag characters (used for "ASCII smuggling").
const BIDI_OR_TAG = /[\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/u;
const ZERO_WIDTH_G = /[\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const SPLITTING_G = /\p{L}[\u200B-\u200F\u2060-\u2064\uFEFF]+\p{L}/gu;
const HIDDEN_CHARS_G = /[\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/gu;

const PRIOR = String.raw`(?:all\s+|any\s+|the\s+|your\s+|my\s+|every\s+|these\s+|those\s+|of\s+)*(?:previous|prior|above|preceding|earlier|former|foregoing|initial|original|system|current|given|provided|old)?`;
const THINGS = `(?:instructions?|prompts?|rules|directions|directives|tasks?|assignments?|orders|commands|context|guidelines|guidance|information|documents?|articles|constraints|restrictions|programming|training|messages?|conversation)`;

const RULES: Rule[] = [
  {
    id: 'override',
    reason: 'override: asks to ignore or forget previous instructions',
    weight: 0.9,
    patterns: [
      new RegExp(
        String.raw`\b(?:ignore|disregard|forget|drop|skip|bypass|override|abandon|discard|neglect|delete|erase|leave)\s+${PRIOR}\s*${THINGS}`,
        'i',
      ),
      /\b(?:ignore|disregard|forget)\s+(?:all\s+|about\s+)?(?:everything|anything|the\s+above|above|that|what\s+(?:i|you|we)\s+(?:said|told|discussed|were\s+told))\b/i,
      /\bdisregarding\s+(?:the|all|any|your)\b/i,
      /\b(?:leave|put)\s+(?:all\s+)?(?:the\s+)?previous\s+\w+\s+behind\b/i,
      /\bremove\s+all\s+previous\s+\w+/i,
      /\bdespite\s+what\s+you(?:'ve|\s+have)\s+been\s+told\b/i,
      /\bnot\s+(?:by|from|according\s+to)\s+the\s+(?:provided\s+)?(?:articles|documents|context)\b/i,
      // German: "Ignoriere alle vorherigen Anweisungen", "Vergiss alles davor", "Vergiss alle Aufträge"
      /\b(?:ignorier(?:e|en|t)?|vergiss|vergessen\s+sie|missachte(?:n)?|übergeh(?:e|en)|verwirf)\b[^.!?\n]{0,40}?\b(?:anweisungen|aufgaben|befehle|instruktionen|angaben|aufträge|regeln|vorgaben|informationen|alles|ausführungen|dokumente|artikel)\b/i,
      /\b(?:die\s+)?obigen\s+(?:anweisungen|ausführungen)\s+ignorieren\b/i,
      /\babweichend\s+(?:zu|von)\s+(?:den\s+)?(?:vorherigen|bisherigen)\s+(?:instruktionen|anweisungen)\b/i,
      /\b(?:aus\s+dem\s+kopf\s+(?:zu\s+)?streichen|hinter\s+sich\s+(?:zu\s+)?lassen)\b/i,
      // Spanish / French / Croatian override phrasings seen in public attack sets
      /\b(?:olvid[ae]\w*|ignora\w*)\s+(?:todo|todas?\s+las\s+instrucciones)\b/i,
      /\b(?:oubliez|oublie|ignorez|ignore)\s+(?:toutes?\s+les\s+instructions|tout)\b/i,
      /\bzaboravi\s+sve\b/i,
      /забудь\w*\s+вс[её]/i,
      /\bchange\s+your\s+(?:instructions|rules|prompt|programming)\b/i,
      /\b(?:all\s+)?(?:previous|prior|earlier)\s+(?:information|instructions)\b[^.!?\n]{0,50}\b(?:irrelevant|not\s+(?:important|valid|great))\b/i,
      /\b(?:alle\s+)?(?:bisherigen|vorherigen|früheren)\s+(?:informationen|anweisungen|angaben)\b[^.!?\n]{0,60}\b(?:irrelevant|unwichtig|nicht\s+(?:ganz\s+)?(?:großartig|wichtig|gültig))\b/i,
    ],
  },
  {
    id: 'new_instructions',
    reason: 'new instructions: announces a new task or instructions for the reader',
    weight: 0.6,
    patterns: [
      /\b(?:now\s+)?(?:new|further|additional|more)\s+(?:tasks?|instructions?|assignments?)\s+(?:follow|are\s+follow(?:ed|ing))/i,
      /\b(?:focus|concentrate)\s+on\s+(?:your|the)\s+new\s+task\b/i,
      /\byour\s+(?:new\s+)?instructions\s+are\s+(?:now|as\s+follows)\b/i,
      /\b(?:nun|jetzt)\s+folgen\s+(?:neue|weitere)\s+(?:aufgaben|anweisungen)\b/i,
      /\b(?:konzentriere\s+dich|konzentrieren\s+sie\s+sich)\s+(?:jetzt\s+|nun\s+)?auf\s+(?:deine|ihre|die)\s+neue\s+aufgabe\b/i,
      /\bab\s+(?:jetzt|sofort)\s+(?:bist|antwortest|wirst)\s+du\b/i,
    ],
  },
  {
    id: 'role_play',
    reason: 'role play: tries to give the model a new identity or persona',
    weight: 0.7,
    patterns: [
      // "you are now DAN"; not "you are now charging me twice" or "you are now closed".
      /\byou\s+are\s+now\s+(?!\w+(?:ing|ed)\b|able\b|ready\b|open\b|closed\b|out\b|in\s+stock\b|back\b|on\b|off\b|my\b|our\b|eligible\b)\w+/i,
      /\b(?:now\s+)?you\s+are\s+(?:an?\s+)?(?:evil|unfiltered|uncensored|jailbroken|unrestricted|the\s+abandonment|the\s+electronic|the\s+dailywire)\b/i,
      /\b(?:i\s+want\s+you\s+to\s+|please\s+|now\s+)?act\s+(?:as|like)\s+(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){0,3}(?:terminal|interpreter|translator|debater|dj|ai|bot|gpt|chatgpt|dan|assistant|character|hacker|pirate|persona|entity|entities|two)\b/i,
      /\bi\s+want\s+you\s+to\s+act\s+as\b/i,
      /\bpretend\s+(?:that\s+)?(?:you\s+are|to\s+be|you're|you\s+can)\b/i,
      /\bimagine\s+(?:that\s+)?you\s+are\b/i,
      /\bnow\s+you\s+are\b|\byou\s+are\s+no\s+longer\b|\byou\s+are\s+no\s+(?:newspaper|assistant|ai|bot|chatbot|language\s+model)\b/i,
      /\bdu\s+bist\s+kein(?:e|en)?\s+(?:redaktion|assistent|ki|bot|zeitung)\b/i,
      /\brole[\s-]?play(?:ing)?\b/i,
      /\b(?:DAN|STAN|DUDE|AIM)\s+mode\b|\bdo\s+anything\s+now\b|\bjailbreak\w*\b|\bdeveloper\s+mode\b/i,
      /\bstay\s+in\s+(?:their|your|his|her)\s+(?:role|character)s?\b/i,
      /\bbe\s+a\s+(?:dj|pirate|hacker)\b/i,
      /\bfrom\s+now\s+(?:on\s+)?known\s+as\b/i,
      /\b(?:stell\s+dir\s+vor|stellen\s+sie\s+sich\s+vor),?\s+(?:du\s+bist|sie\s+sind)\b/i,
      /\b(?:jetzt|nun|ab\s+jetzt)\s+bist\s+du\b/i,
      /\bdu\s+bist\s+(?:jetzt|nun|ab\s+sofort)\b/i,
      /\b(?:dass|das)\s+(?:du|sie)\s+als\s+[\w-]+(?:\s+[\w-]+){0,3}\s+fungier(?:st|en)\b/i,
      /\bspiel(?:e|st|en)?\s+(?:du\s+)?(?:die\s+)?rolle\b|\bin\s+(?:deiner|ihrer)\s+rolle\b/i,
    ],
  },
  {
    id: 'reveal_prompt',
    reason: 'prompt leak: asks to reveal the system prompt or instructions',
    weight: 0.85,
    patterns: [
      /\b(?:show|reveal|print|display|repeat|output|tell|give|share|leak|dump|list|spell\s+check)\b[^.!?\n]{0,40}?\b(?:system\s+prompt|prompt\s+texts?|(?:your|the)\s+(?:initial\s+|original\s+|hidden\s+|full\s+|whole\s+|entire\s+)?(?:prompt|system\s+message)|your\s+(?:initial\s+|original\s+|hidden\s+|system\s+)?(?:instructions|rules)|this\s+prompt|(?:the\s+)?full\s+prompt)\b/i,
      /\bwhat\s+(?:is|are|was|were)\s+(?:written\s+)?(?:your|the)\s+(?:system\s+prompt|instructions|initial\s+prompt)\b/i,
      /\bwhat\s+(?:is|was)\s+written\s+(?:above|at\s+the\s+beginning)\b/i,
      /\bcopy\s+of\s+the\s+(?:full\s+)?prompt\b/i,
      /\binformation\s+in\s+the\s+prompt\b/i,
      /\bsystem\s*prompt\b/i,
      /\b(?:zeige?|zeigen\s+sie|gib|nenne|verrate)\b[^.!?\n]{0,40}?\b(?:prompt(?:-?texte?)?|anweisungen|systemnachricht|systemprompt)\b/i,
      /\bwas\s+(?:steht|stand)\s+(?:oben|am\s+anfang)\b/i,
    ],
  },
  {
    id: 'addressed_to_ai',
    reason: 'addressed to an AI: instructions aimed at an assistant or language model',
    weight: 0.5,
    patterns: [
      /\b(?:hey|hello|hi|dear|attention|note\s+to|message\s+to|instructions?\s+(?:for|to)|to\s+the)\s+(?:the\s+)?(?:ai|assistant|ai\s+assistant|model|language\s+model|llm|chatgpt|gpt(?:-\d\w*)?|bot|chatbot|claude|gemini|copilot)\b/i,
      /\bif\s+you\s+are\s+an?\s+(?:ai|llm|language\s+model|assistant|bot|chatbot)\b/i,
      /\b(?:as|you\s+are)\s+an?\s+(?:ai|large\s+language|language)\s+model\b/i,
      /\b(?:ai|llm|chatgpt|gpt|assistant|model)\s*[,:]\s*(?:please\s+)?(?:ignore|write|reply|respond|say|tell|output|print|send|forward|include|classify|mark|approve|refund)\b/i,
      /\b(?:hallo|liebe|lieber|an\s+die|an\s+den|achtung)\s+(?:ki|ai|assistent(?:en)?|sprachmodell|chatgpt|gpt)\b/i,
      /\bals\s+(?:ki|sprachmodell)\b/i,
      /\b(?:hello|hallo)\s+gpt\b/i,
      /\bexploit(?:ing)?\s+ai\s+systems\b|\bki-systeme\s+auszunutzen\b/i,
    ],
  },
  {
    id: 'task_injection',
    reason: 'task injection: asks for content unrelated to a customer request (essay, poem, code, manifesto)',
    weight: 0.5,
    patterns: [
      /\b(?:write|compose|formulate|generate|create|draft)\s+(?:me\s+)?(?:an?\s+|some\s+)?(?:[\w-]+\s+){0,2}(?:essay|poem|manifesto|headline|story|song|tweet|slogan|speech|rhyme|script|program|(?:python|javascript|c\+\+|java)\s+code)\b/i,
      /\bgenerate\s+(?:c\+\+|python|javascript|java|code)\b/i,
      /\b(?:schreib(?:e|en)?|verfasse(?:n)?|formulier(?:e|en)?|generier(?:e|en)?)\s+(?:sie\s+)?(?:mir\s+)?(?:nun\s+|jetzt\s+)?(?:ein(?:e|en)?\s+)?(?:[\w-]+\s+){0,2}(?:essay|gedicht|manifest|überschrift|geschichte|lied|code|skript|programm|begründung|c\+\+)/i,
      /\bhelp\s+(?:me\s+)?with\s+(?:the\s+following|another|a\s+new)\s+task\b|\bhilf\s+mir\s+(?:nun\s+)?(?:mit|bei)\s+(?:folgender|einer\s+weiteren)\s+aufgabe\b/i,
      /\b(?:answer|respond|reply|write)\s+(?:only\s+)?(?:in|using|with)\s+(?:base64|emojis?|reverse(?:d)?\s+(?:order|text)|leetspeak|rot13|morse(?:\s+code)?|pig\s+latin|binary|hex(?:adecimal)?)\b/i,
      /\b(?:encode|encrypt|reverse|scramble)\s+(?:your|the)\s+(?:answer|response|reply|output)\b/i,
    ],
  },
  {
    id: 'pivot',
    reason: 'pivot: praises or closes the previous task and switches to a new one',
    weight: 0.4,
    patterns: [
      /\b(?:that(?:'s|\s+is)\s+(?:enough|done)|das\s+(?:genügt|reicht|ist\s+erledigt))\b/i,
      /\b(?:well\s+done|very\s+good|very\s+well\s+done|great|excellent(?:\s+performance)?|congratulations|simply\s+great|gut\s+gemacht|sehr\s+gut|ausgezeichnet)\b[^.!?\n]{0,60}[.!]\s*(?:but\s+|aber\s+)?(?:now|nun|jetzt)\b/i,
      // Also in ordinary messages ("from now on, ship to…", "start over with my order"): weak alone.
      /\bfrom\s+now\s+on,?\s+(?:you|your)\b/i,
      /\b(?:start|begin)\s+(?:over|from\s+the\s+(?:front|beginning|scratch))\b/i,
      /\badditional\s+instruction\b/i,
      /\bnew\s+(?:system\s+)?(?:instructions?|prompt)\s*:/i,
      /\binstructions?\s*:/i,
    ],
  },
  {
    id: 'interrupt',
    reason: 'interrupt: "stop" / "attention" break-in before a command',
    weight: 0.5,
    patterns: [
      /\b(?:attention|achtung)\s*[-–—:!]+\s*(?:stop|stopp)\b/i,
      /\bstop\s*[:-]\s*(?:write|say|print|ignore|schreib\w*)\b/i,
    ],
  },
  {
    id: 'fake_turn',
    reason: 'fake conversation turn: text pretends to be a system, assistant or user message',
    weight: 0.75,
    patterns: [
      /(?:^|\n|\\n)\s*(?:system|assistant|ai|human|user|developer)\s*:/i,
      /<\|?(?:im_start|im_end|system|assistant|endoftext)\|?>/i,
      /\[\/?(?:INST|SYS|SYSTEM)\]|<<\/?SYS>>/i,
      /(?:^|\n)\s*#{2,}\s*(?:system|instruction|instructions|new\s+instructions|response)\b/i,
      /<\/?(?:system|instructions?|assistant)>/i,
      /\b(?:end|begin)\s+of\s+(?:system\s+)?(?:prompt|instructions|conversation|document|context)\b/i,
      /\[(?:GPT|DAN|ChatGPT|🔒CLASSIC|🔓JAILBREAK)\]\s*:/i,
    ],
  },
  {
    id: 'output_control',
    reason: 'output control: dictates exactly what the reply must say',
    weight: 0.45,
    patterns: [
      /\b(?:just|only|simply|instead)\s+(?:say|output|print|write|reply\s+with|respond\s+with|answer\s+with)\b/i,
      /\b(?:output|print|say)\s*[:"“„']/i,
      /\b(?:do\s+not|don'?t|dont)\s+answer\s+(?:this|the)\s+question\b/i,
      /\b(?:include|state|say)\s+that\s+(?:you\s+)?(?:hate|love|think|trump|holland)\b/i,
      /\brepeat\s+after\s+me\b/i,
      /\bmake\s+something\s+up\b/i,
      /\b(?:antworte|antworten\s+sie)\s+(?:nur|ausschließlich|im\s+stil)\b/i,
      /\b(?:sag|sage|sagen\s+sie|gib|geben\s+sie)\b[^.!?\n]{0,30}\s+(?:aus|dass)\b/i,
      /\?\s*say\s+(?:yes|no)\b/i,
      /\b(?:include|mention|add)\b[^.!?\n]{0,40}\bin\s+your\s+(?:answer|response|reply|output)\b/i,
    ],
  },
  {
    id: 'exfiltration',
    reason: 'exfiltration: asks to send data or follow a link outside the conversation',
    weight: 0.5,
    patterns: [
      /\b(?:send|forward|email|post|upload|leak)\s+(?:all\s+|the\s+|this\s+|your\s+)?(?:conversation|chat|data|customer\s+data|api\s+key|credentials|passwords?|history|emails?)\s+to\b/i,
      /!\[[^\]]*\]\(https?:\/\/[^)]*\?[^)]*=/i,
      /\b(?:grant|issue|approve)\s+(?:a\s+)?(?:full\s+)?refund\s+(?:immediately\s+)?without\b/i,
    ],
  },
];

const SPACED_LETTERS = /(?:\b\p{L}\s){8,}\p{L}\b/u;

/** Flags instruction-like content in customer/page text (overrides, role play, prompt leaks, hidden text, fake turns). */
export function detectInjection(text: string): InjectionResult {
  const reasons: string[] = [];
  const weights: number[] = [];
  const fire = (reason: string, weight: number): void => {
    reasons.push(reason);
    weights.push(weight);
  };

  // Bidi overrides and tag characters have no business in a customer message; zero-width
  // spaces do turn up in pasted text (a BOM at the start, "area of \u200B\u200BIT"), so only
  // many of them, or ones splitting words, count as hiding something.
  const zeroWidth = (text.replace(/^\uFEFF/, '').match(ZERO_WIDTH_G) ?? []).length;
  const splitting = (text.match(SPLITTING_G) ?? []).length;
  if (BIDI_OR_TAG.test(text) || splitting >= 2 || zeroWidth >= 5) {
    fire('hidden text: zero-width, bidi-control or tag characters', 0.6);
  } else if (zeroWidth > 0) {
    fire('hidden text: stray zero-width characters', 0.15);
  }

  // Match on a normalised copy: NFKC folds full-width and other look-alike forms; hidden
  // characters are removed so "ig\u200Bnore" still reads as "ignore".
  const normal = text.normalize('NFKC').replace(HIDDEN_CHARS_G, '');
  let candidates = [normal];
  if (SPACED_LETTERS.test(normal)) {
    fire('obfuscation: text spelled out letter by letter', 0.3);
    // "S a y t h a t y o u h a t e" → also test the squeezed form (word breaks are lost,
    // so only patterns without word boundaries inside can match; worth it for the override family).
    candidates = [normal, normal.replace(/(?<=\b\p{L})\s(?=\p{L}\b)/gu, '')];
  }

  for (const rule of RULES) {
    if (candidates.some((c) => rule.patterns.some((p) => p.test(c)))) fire(rule.reason, rule.weight);
  }

  const score = 1 - weights.reduce((keep, w) => keep * (1 - w), 1);
  const rounded = Math.round(score * 1000) / 1000;
  return { injection: rounded >= INJECTION_THRESHOLD, reasons, score: rounded };
}

/** One JSON line of `cli guard-injection`: `{"text": "..."}`. */
export const guardInjectionInputSchema = z.object({ text: z.string() });

/** What `cli guard-injection` writes per line. */
export function guardInjectionLine(value: unknown): { injection: boolean; reasons: string[] } {
  const { injection, reasons } = detectInjection(guardInjectionInputSchema.parse(value).text);
  return { injection, reasons };
}
