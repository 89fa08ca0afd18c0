/**
 * The rules of the injection detector (lib/ai/guards/injection.ts), each a named family of
 * patterns with a weight. The detector runs them on normalised views of the text (see
 * normalise.ts), where whitespace runs are already one character long: every quantifier here is
 * either bounded or consumes a run that cannot be re-entered from inside, so matching stays
 * linear in the text's length (bench/guards.ts checks 200 KB adversarial shapes).
 *
 * BASE_RULES are the English/German families tuned on the deepset train split; MORE_RULES add
 * the attack families of issue 14 (new system prompt or role, fake transcripts, claims of
 * authority, JSON that sets our output fields, bypassing review, exfiltration and links) in
 * English, German, French, Spanish and Italian, tuned on bench/data/injection-dev.jsonl only.
 */

export interface Rule {
  id: string;
  reason: string;
  weight: number;
  patterns: RegExp[];
}

// Bounded ({0,4}) so a long run of determiners is not rescanned; "my" left out on purpose:
// "ignore my previous instructions" is a customer changing their own delivery note.
const PRIOR = String.raw`(?:all\s+|any\s+|the\s+|your\s+|every\s+|these\s+|those\s+|of\s+){0,4}(?:previous|prior|above|preceding|earlier|former|foregoing|initial|original|system|current|given|provided|old)?`;
const THINGS = `(?:instructions?|prompts?|rules|directions|directives|tasks?|assignments?|commands|context|guidelines|guidance|constraints|restrictions|programming|training)`;
// Words customers also use for their own earlier mails ("ignore the previous message"): only
// with a quantifier or "your" ("forget all previous information").
const WEAK_THINGS = String.raw`(?:all|any|every|your)\s+(?:(?:the|of|previous|prior|above|earlier|given|provided)\s+){0,3}(?:orders|information|documents?|articles|messages?|conversation)`;

export const BASE_RULES: Rule[] = [
  {
    id: 'override',
    reason: 'override: asks to ignore or forget previous instructions',
    weight: 0.9,
    patterns: [
      new RegExp(
        String.raw`\b(?:ignore|disregard|forget|drop|skip|bypass|override|abandon|discard|neglect|delete|erase|leave)\s+${PRIOR}\s*${THINGS}`,
        'i',
      ),
      new RegExp(
        String.raw`\b(?:ignore|disregard|forget|drop|skip|bypass|override|abandon|discard|neglect|delete|erase|leave)\s+${WEAK_THINGS}`,
        'i',
      ),
      /\b(?:ignore|disregard|forget)\s+(?:all\s+|about\s+)?(?:everything|anything|the\s+above|above|what\s+(?:you|we)\s+(?:said|told|discussed|were\s+told))\b/i,
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
      // "Hello assistant" and "hi bot" are how customers greet a chat widget: a greeting counts
      // only when it names a language model.
      /\b(?:dear|attention|note\s+to|message\s+to|instructions?\s+(?:for|to)|to\s+the)\s+(?:the\s+)?(?:ai|assistant|ai\s+assistant|model|language\s+model|llm|chatgpt|gpt(?:-\d\w*)?|bot|chatbot|claude|gemini|copilot)\b/i,
      /\b(?:hey|hello|hi)\s+(?:the\s+)?(?:ai|ai\s+assistant|language\s+model|llm|chatgpt|gpt(?:-\d\w*)?|claude|gemini|copilot)\b/i,
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
      // "System: iOS 17" in a bug report is a device, not a turn; "User: jane_doe88" a login name.
      /(?:^|\n|\\n)\s*(?:system|assistant|ai|developer)\s*:(?!\s?(?:ios|android|windows|mac\s?os|linux|chrome|safari|firefox|edge|version|v?\d))/i,
      // A transcript: a user or customer line followed within a few lines by an assistant, agent or system line.
      /(?:^|\n)\s?(?:user|human|customer|kunde|client|cliente|utilisateur|usuario|utente|benutzer)\s?:[^\n]{0,300}\n(?:[^\n]{0,300}\n){0,3}\s?(?:assistant|ai|agent|bot|assistent|assistente|asistente|support|system|systeme|sistema)\s?:/i,
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

// Quantifier between a verb and its object: a few words, never the customer's own ("my") things.
// Customers do tell us to ignore their own or the courier's instructions; those are not overrides.
const GAP = String.raw`(?:(?!\b(?:my|mine|meine?[nmrs]?|mes|mon|ma|mis|mi|mie|miei|mio|mia|delivery|shipping|washing|care|assembly|courier|gift|lieferungs?|versand|livraison|lavage|entrega|env[ií]o|lavado|consegna|spedizione|lavaggio)\b)[^.!?\n]){0,40}?`;
const INSERT = String.raw`(?:include|add|insert|put|append|paste|embed|attach|write|mention|state|recommend|suggest|empfiehl|recommande\w{0,2}|recomienda|consiglia|nenne\w{0,2}|erw[äa]hne\w{0,2}|indique\w{0,2}|mentionne\w{0,2}|menciona|indica|cita|scrivi|riporta|schreib\w{0,2}|[ée]cri[st]|escribe|scrivi|f[üu]ge\w{0,2}|setze\w{0,2}|ajoute\w{0,2}|ins[ée]re\w{0,2}|mets|mettez|inclu\w{0,4}|a[ñn]ad\w{1,2}|inserta|agrega|pon|ponga|inserisci|aggiungi|includi|metti)`;
const REPLY = String.raw`(?:reply|answer|response|antwort|nachricht|r[ée]ponse|respuesta|mensaje|risposta|messaggio)`;
const VENDORS = String.raw`(?:openai|open\s+ai|anthropic|chatgpt|gorgias|shopify|google\s+ai|microsoft|the\s+ai\s+provider)`;

export const MORE_RULES: Rule[] = [
  {
    id: 'override',
    reason: 'override: asks to ignore or forget previous instructions',
    weight: 0.9,
    patterns: [
      // English phrasings beyond "ignore previous instructions".
      new RegExp(
        String.raw`\b(?:ignore|disregard|forget|set\s+aside|stop\s+following|do\s+not\s+follow|don'?t\s+follow|no\s+longer\s+follow|bypass|override)\b${GAP}\b(?:instructions|guidelines|guidance|rules|policy\s+instructions|directives|system\s+prompt)\b`,
        'i',
      ),
      /\b(?:previous|prior|earlier|above|original|old|initial)\s+(?:rules|instructions|guidelines|directives)\s+(?:no\s+longer\s+apply|are\s+(?:outdated|void|invalid|cancel+ed|obsolete|revoked|superseded|no\s+longer\s+valid))/i,
      /\b(?:instructions|rules|guidelines)\s+above\s+are\s+(?:outdated|void|invalid|obsolete|cancel+ed)/i,
      /\b(?:overlook|pay\s+no\s+attention\s+to|take\s+no\s+notice\s+of|never\s+mind|stop\s+obeying)\b[^.!?\n]{0,30}\b(?:guidance|instructions|rules|guidelines|directives|you\s+(?:were|have\s+been)\s+told)\b/i,
      /\b(?:what(?:ever)?|everything|anything)\s+(?:you\s+(?:were|have\s+been|'ve\s+been)\s+told|(?:they|we)\s+told\s+you)\b[^.!?\n]{0,40}\b(?:matter|irrelevant|void|cancel\w{0,3}|no\s+longer|obsolete)/i,
      /\b(?:forget|ignore|disregard|overlook)\s+(?:what(?:ever)?|everything|anything)\s+(?:you\s+(?:were|have\s+been|'ve\s+been)\s+told|(?:they|we)\s+told\s+you)\b/i,
      /\b(?:vergiss|vergessen\s+sie|ignorier\w{0,3})\b,?\s+(?:alles,?\s+)?was\s+(?:man\s+)?(?:dir|ihnen|du|sie)\b/i,
      // "forget what you were told" in French, Spanish, Italian
      /\b(?:oublie[zr]?|ignore[zr]?)\s+(?:tout\s+)?ce\s+qu'?\s?(?:on\s+t'a|on\s+vous\s+a|tu\s+as|vous\s+avez)\b/i,
      /\b(?:olvida|ignora)\s+(?:todo\s+)?lo\s+que\s+(?:te\s+(?:han|dijeron|dije)|se\s+te)\b/i,
      /\b(?:dimentica|ignora)\s+(?:tutto\s+)?(?:quello|cio|ciò)\s+che\s+ti\s+(?:[eè]|hanno|ho)\b/i,
      // German
      new RegExp(
        String.raw`\b(?:ignorier\w{0,3}|vergiss|vergessen\s+sie|missacht\w{0,3}|befolge\s+nicht|befolgen\s+sie\s+nicht|halte\s+dich\s+nicht\s+an|setze\s+\w+\s+au(?:ß|ss)er\s+kraft)\b${GAP}(?:anweisungen|richtlinien|regeln|vorgaben|instruktionen|systemprompt|prompt)`,
        'i',
      ),
      /\b(?:anweisungen|regeln|vorgaben|richtlinien|instruktionen)\b[^.!?\n]{0,30}\b(?:sind|gelten)\b[^.!?\n]{0,25}(?:ungültig|nicht\s+mehr|aufgehoben|au(?:ß|ss)er\s+kraft|hinfällig)/i,
      // French
      new RegExp(
        String.raw`(?<!\b(?:ai|as|a|avons|avez|ont|j'ai)\s)\b(?:ignore[rz]?|oublie[rz]?|ne\s+(?:prends|prenez)\s+pas\s+en\s+compte|ne\s+(?:tiens|tenez)\s+(?:plus|pas)\s+compte\s+de|ne\s+(?:suis|suivez|respecte[sz]?)\s+(?:plus|pas)|fais\s+abstraction\s+de|faites\s+abstraction\s+de)\b${GAP}\b(?:instructions|consignes|r[eè]gles|directives|indications|prompt)`,
        'i',
      ),
      // Spanish
      new RegExp(
        String.raw`\b(?:ignora[rd]?|ignoren|olvida[rd]?|olviden|haz\s+caso\s+omiso\s+de|pasa\s+por\s+alto|pase\s+por\s+alto|no\s+hagas\s+caso\s+a|no\s+tengas\s+en\s+cuenta|hagan?\s+caso\s+omiso\s+de|no\s+sigas?|no\s+sigan|deja\s+de\s+seguir|descarta)\b${GAP}\b(?:instrucciones|reglas|indicaciones|normas|directrices|[oó]rdenes|prompt)`,
        'i',
      ),
      // Italian
      new RegExp(
        String.raw`\b(?:ignora(?:re)?|ignorate|dimentica(?:re)?|dimenticate|non\s+seguire|non\s+tenere\s+conto\s+d\w{0,4}|non\s+segui|smetti\s+di\s+seguire|lascia\s+perdere)\b${GAP}\b(?:istruzioni|regole|indicazioni|direttive|ordini|prompt)`,
        'i',
      ),
    ],
  },
  {
    id: 'new_role',
    reason: 'new role: gives the assistant a new system prompt, role or master',
    weight: 0.8,
    patterns: [
      /\b(?:new|updated|revised|real|actual|true)\s+system\s+(?:prompt|message|instructions?|policy|role)\b/i,
      /\bsystem\s+(?:prompt|message|instructions?)\s+(?:update|override|change)\b/i,
      /\byour\s+(?:new\s+|real\s+|only\s+)?(?:role|job|purpose|task)\s+(?:is\s+now|is\s+to\s+(?:approve|refund|act|obey)|now\s+is|from\s+now\s+on)\b/i,
      /\byour\s+(?:new\s+)?role\s+is\b/i,
      /\bfrom\s+(?:here|this\s+(?:point|message|moment))\s+on,?\s+(?:you|your)\b/i,
      /\bfrom\s+now\s+on,?\s+you\s+(?:will\s+|shall\s+|must\s+)?(?:behave|act|are|obey|follow\s+only|only\s+(?:obey|follow|answer))\b/i,
      /\b(?:only\s+(?:obey|follow|listen\s+to)|obey\s+only|follow\s+only)\s+(?:me|my|what\s+i)\b/i,
      /\bact\s+(?:as|like)\s+(?:the|a|an)\s+(?:store|shop)\s+(?:owner|manager|admin)/i,
      /\blet'?s\s+play\s+a\s+game\b[^.!?\n]{0,30}\byou\s+are\b/i,
      /\b(?:switch|go|enter|change|put\s+yourself)\s+(?:in)?to\s+(?:admin|developer|debug|god|maintenance|unrestricted|test|sudo)\s+mode\b/i,
      /\b(?:unrestricted|unfiltered)\s+(?:assistant|agent|ai|mode|model)\b|\bwithout\s+(?:any\s+)?(?:restrictions|limits|rules)\b[^.!?\n]{0,40}\b(?:approve|assistant|agent)/i,
      // German
      /\bneue[rsn]?\s+system\s?-?(?:prompt|anweisung(?:en)?|nachricht|regeln?|rolle)\b/i,
      /\b(?:deine|ihre)\s+neue\s+rolle\b/i,
      /\bdu\s+bist\s+(?:jetzt|nun|ab\s+sofort|ab\s+jetzt|von\s+nun\s+an)\b/i,
      /\b(?:ein|eine)\s+(?:ki|assistent(?:in)?|bot)\s+ohne\s+(?:regeln|einschränkungen|grenzen|filter)/i,
      /\bnur\s+noch\b[^.!?\n]{0,40}\bwas\s+(?:ich|in\s+dieser\s+nachricht)\b|\bgehorche\b|\bverhalte\s+dich\s+(?:wie|als)\b/i,
      // French
      /\bnouveau\s+(?:prompt|message)\s+syst[eè]me\b|\bprompt\s+syst[eè]me\b/i,
      /\btu\s+es\s+(?:maintenant|d[ée]sormais|dor[ée]navant)\b/i,
      /\b(?:[àa]\s+partir\s+de\s+maintenant|d[ée]sormais|dor[ée]navant),?\s+tu\s+(?:es|joues|agis|seras|dois|ob[ée]is)\b/i,
      /\b(?:tu\s+joues|joue|jouez)\s+le\s+r[oô]le\b|\bagis(?:sez)?\s+comme\b|\bcomporte[sz]?-(?:toi|vous)\s+comme\b/i,
      /\bn'ob[ée]i[st]\s+qu|\br[ée]ponds\s+uniquement\s+ce\s+que\b|\bassistant\s+sans\s+(?:restrictions?|limites?|r[eè]gles)/i,
      // Spanish
      /\bnuevo\s+(?:prompt|mensaje)\s+del?\s+sistema\b|\bprompt\s+del\s+sistema\b/i,
      /\bahora\s+eres\b|\ba\s+partir\s+de\s+ahora\s+(?:eres|ser[aá]s|act[uú]as|te\s+comportas|solo)\b/i,
      /\bact[uú]a\s+como\b|\bcompórtate\s+como\b|\bsolo\s+obedec\w{0,4}|\bobedece\s+solo\b/i,
      /\basistente\s+sin\s+(?:restricciones|l[ií]mites|reglas)/i,
      // Italian
      /\bnuovo\s+prompt\s+di\s+sistema\b|\bprompt\s+di\s+sistema\b/i,
      /\b(?:ora|adesso|d'ora\s+in\s+poi|da\s+ora\s+in\s+poi),?\s+sei\b/i,
      /\bcomportati\s+come\b|\bfingi\s+di\s+essere\b|\besegui\s+solo\s+i\s+miei\b|\bobbedisci\b/i,
      /\bassistente\s+senza\s+(?:limiti|regole|restrizioni)/i,
    ],
  },
  {
    id: 'fake_turn',
    reason: 'fake conversation turn: text pretends to be a system, assistant or user message',
    weight: 0.75,
    patterns: [
      /(?:^|\n)\s?(?:system|syst[eè]me|sistema|assistent|assistente|asistente|ki|ia)\s?:(?!\s?(?:ios|android|windows|mac\s?os|linux|chrome|safari|firefox|edge|version|v?\d))/i,
      /<\|[a-z_]{2,20}\|>/i,
      /\[(?:system|assistant)\]\s?\(#?[\w-]{0,30}\)/i,
      /(?:-{2,}|={2,}|#{2,}|\*{2,}|\[)\s?(?:end|begin|start)\s+of\s+(?:the\s+)?(?:customer\s+|user\s+|client\s+)?(?:message|e-?mail|ticket|input|text|request)\b/i,
    ],
  },
  {
    id: 'authority',
    reason: 'claim of authority: says it comes from the shop, its staff or the AI provider',
    weight: 0.7,
    patterns: [
      new RegExp(
        String.raw`\b(?:this\s+is|message\s+from|note\s+from|notice\s+from|official\s+(?:message|notice)\s+from|on\s+behalf\s+of|speaking\s+for)\s+(?:the\s+)?(?:${VENDORS}|(?:store|shop)\s+(?:admin|administrator|owner|management)|developers?|administrators?|system\s+administrator|engineering\s+team|security\s+team)\b`,
        'i',
      ),
      new RegExp(
        String.raw`\b${VENDORS}\s+(?:support|team|engineering|staff|security|trust\s+(?:and|&)\s+safety)\s+(?:here|team\s+here)\b`,
        'i',
      ),
      new RegExp(String.raw`\b(?:official|urgent)\s+(?:message|notice|instruction)\s+from\s+${VENDORS}`, 'i'),
      /\bas\s+(?:the|your)\s+(?:store\s+|shop\s+)?(?:admin|administrator|owner|developer|operator|supervisor|ceo|manager)\b[^.!?\n]{0,40}\b(?:i(?:'m|\s+am)?\s+(?:authori[sz]\w{0,5}|instruct\w{0,3}|order\w{0,3}|permit\w{0,5}|command\w{0,3}|approv\w{0,3})|you\s+(?:are|must|may|can|should|have))\b/i,
      /\bi\s+am\s+(?:the|your)\s+(?:developer|creator|admin|administrator|operator|owner|programmer)\s+of\s+(?:this|the|your)\s+(?:support\s+)?(?:assistant|bot|ai|model|system|store|shop)\b/i,
      /\bi'?m\s+the\s+admin\s+of\s+this\s+(?:shop|store|system)\b/i,
      /\bspeaking\s+as\s+(?:the|your)\s+(?:owner|admin|administrator|manager|developer)\b/i,
      /\bas\s+the\s+(?:owner|admin|administrator|manager|developer)\s+of\s+(?:this|the|your)\s+(?:store|shop|system|assistant|bot)\b/i,
      /\b(?:the|this)\s+customer\s+(?:is\s+(?:verified|trusted|pre-?approved|eligible\s+for\s+a\s+(?:full\s+)?refund)|has\s+been\s+(?:verified|approved))\b/i,
      /\b(?:developer|admin|administrator|root|sudo|god|system)\s+(?:override|access\s+granted|command)\b/i,
      /\byou\s+have\s+my\s+(?:permission|authori[sz]ation)\s+to\s+(?:skip|bypass|ignore|approve|disable|override)\b/i,
      // German
      /\bhier\s+spricht\s+(?:der|die|das)\b/i,
      /\bals\s+(?:der\s+|die\s+)?(?:shop-?)?(?:administrator(?:in)?|admin|inhaber(?:in)?|gesch[äa]ftsf[üu]hrer(?:in)?|entwickler(?:in)?|betreiber(?:in)?)\b[^.!?\n]{0,50}\b(?:weise\s+ich|ordne\s+ich|genehmige\s+ich|autorisiere|erlaube\s+ich|befehle)/i,
      /\bich\s+bin\s+(?:der|die)\s+(?:administrator|admin|inhaber|entwickler|betreiber)(?:in)?\s+(?:dieses|des)\s+(?:shops?|systems|assistenten|bots)\b/i,
      /\bsie\s+sind\s+(?:hiermit\s+)?berechtigt\b|\bdu\s+bist\s+(?:hiermit\s+)?berechtigt\b/i,
      new RegExp(String.raw`\b(?:offizielle\s+)?nachricht\s+(?:von|des\s+teams\s+von)\s+${VENDORS}`, 'i'),
      // French
      /\ben\s+tant\s+qu[e']\s?(?:administrat(?:eur|rice)|admin|propri[ée]taire|g[ée]rant(?:e)?|d[ée]veloppeu(?:r|se)|responsable)\b[^.!?\n]{0,50}\b(?:je\s+(?:t'|vous\s+)?(?:ordonne|autorise|demande)|tu\s+dois|vous\s+devez)/i,
      /\bje\s+suis\s+(?:l'|le\s+|la\s+)\s?(?:administrat(?:eur|rice)|propri[ée]taire|g[ée]rant(?:e)?|d[ée]veloppeu(?:r|se))\s+(?:de\s+(?:la|cette)\s+(?:boutique|syst[eè]me)|du\s+(?:magasin|site|syst[eè]me|shop|bot))/i,
      new RegExp(
        String.raw`\bmessage\s+(?:officiel\s+)?(?:de\s+|d'\s?)${VENDORS}|\bceci\s+est\s+un\s+message\s+(?:officiel\s+)?d[e']`,
        'i',
      ),
      // Spanish
      /\bcomo\s+(?:el\s+|la\s+)?(?:administrador(?:a)?|admin|due[ñn][oa]|gerente|desarrollador(?:a)?)\s+de\s+(?:la\s+tienda|este\s+(?:sistema|asistente)|la\s+web)/i,
      /\bsoy\s+(?:el|la)\s+(?:administrador(?:a)?|due[ñn][oa]|gerente|desarrollador(?:a)?)\s+de\s+(?:la\s+tienda|este\s+(?:sistema|asistente|bot))/i,
      new RegExp(
        String.raw`\bmensaje\s+(?:oficial\s+)?(?:de|del\s+equipo\s+de)\s+${VENDORS}|\beste\s+es\s+un\s+mensaje\s+(?:oficial\s+)?del?\b`,
        'i',
      ),
      // Italian
      /\bin\s+qualit[àa]\s+di\s+(?:amministrat(?:ore|rice)|admin|titolare|proprietari[oa]|gestore|sviluppat(?:ore|rice))\b/i,
      /\bsono\s+(?:l'|il\s+|la\s+)\s?(?:amministrat(?:ore|rice)|titolare|proprietari[oa]|gestore|sviluppat(?:ore|rice))\s+(?:del\s+negozio|di\s+questo\s+(?:negozio|sistema|assistente))/i,
      new RegExp(
        String.raw`\bmessaggio\s+(?:ufficiale\s+)?(?:di|da|del\s+team\s+di)\s+${VENDORS}|\bquesto\s+[èe]\s+un\s+messaggio\s+(?:ufficiale\s+)?d`,
        'i',
      ),
    ],
  },
  {
    id: 'bypass_review',
    reason: 'bypass: asks to switch off checks or send without review',
    weight: 0.6,
    patterns: [
      /\b(?:disable|suspend|turn\s+off|switch\s+off|deactivate|skip|bypass|lift)\s+(?:all\s+|your\s+|the\s+|any\s+){0,2}(?:safety\s+|review\s+|money\s+|security\s+)?(?:filters?|rules|guardrails?|safeguards?|checks?|review|restrictions|safety|moderation)\b/i,
      /\bauto-?(?:send|approve|place)\b|\bsend\s+(?:it|the\s+\w+\s+reply)\s+automatically\b|\breply\s+automatically\b/i,
      /\b(?:deaktivier\w{0,3}|umgeh\w{0,3}|schalte\w{0,2})\b[^.!?\n]{0,25}(?:regeln|filter|prüfung|schutz|sicherheit)/i,
      /\bd[ée]sactiv\w{0,4}\b[^.!?\n]{0,25}(?:garde-fous|r[eè]gles|filtres|v[ée]rifications|contr[oô]les)|\bignorez\s+les\s+v[ée]rifications/i,
      /\bdesactiv\w{0,4}\b[^.!?\n]{0,25}(?:reglas|filtros|comprobaciones|controles|verificaciones)/i,
      /\bdisattiv\w{0,4}\b[^.!?\n]{0,25}(?:regole|filtri|controlli|verifiche)/i,
    ],
  },
  {
    // Weak alone: "you changed my address without verification!" is a complaint.
    id: 'without_review',
    reason: 'bypass: says no review or verification is needed',
    weight: 0.35,
    patterns: [
      /\bwithout\s+(?:any\s+)?(?:human\s+)?(?:review|checks|verification|approval)\b(?!\s+code)/i,
      /\bno\s+(?:human\s+)?(?:review|checks?|verification)\s+(?:is\s+)?(?:needed|necessary|required)\b/i,
      /\bohne\s+(?:weitere\s+|jede\s+)?(?:prüfung|kontrolle|überprüfung)/i,
      /\bsans\s+(?:aucune\s+)?(?:v[ée]rification|contr[oô]le|revue|relecture)|\baucune\s+v[ée]rification\s+n[ée]cessaire/i,
      /\bsin\s+(?:ninguna\s+)?(?:revisi[oó]n|comprobaci[oó]n|verificaci[oó]n)|\bno\s+hace\s+falta\s+(?:revisi[oó]n|comprobaci[oó]n)/i,
      /\bsenza\s+(?:alcun\s+)?(?:controll[oi]|revisione|verifica)|\bnessuna\s+revisione\s+necessaria/i,
    ],
  },
  {
    id: 'output_fields',
    reason: 'sets our output fields: tries to fix money, tier, decision or confidence',
    weight: 0.9,
    patterns: [
      /["']?\b(?:involves_?money|money_?involved|needs_?review|requires_?review|human_?review)\b["']?\s?(?:[:=]|is|to|should\s+be|be)\s?["']?(?:false|true|no|yes|0|1)\b/i,
      /\btier\b[^.!?\n]{0,20}\bautonom/i,
      /["']?\btier\b["']?\s?(?:[:=]|is|to|should\s+be|be)\s?["']?(?:autonomous|auto|automatic)\b/i,
      /["']?\bdecision\b["']?\s?(?:[:=]|is|to|should\s+be|be)\s?["']?(?:refund|exchange|credit|store_credit|approve|approved|accept)\b/i,
      /["']\b(?:confidence|score)\b["']\s?[:=]\s?["']?(?:1(?:\.0+)?|0\.9\d*|100)\b/i,
      /["']\b(?:intent|intents|labels)\b["']\s?:/i,
      /\b(?:classify|mark|label|tag|treat|flag|categori[sz]e)\s+(?:this|every|all|each|these|my|the)\s+(?:\w+\s+)?(?:tickets?|messages?|requests?|e-?mails?|cases?)\b[^.!?\n]{0,60}\b(?:non-?monetary|not\s+involving\s+money|low\s+priority|autonomous|no\s+money)/i,
      /\binvolves_money\b|\bnon-?monetary\b/i,
    ],
  },
  {
    id: 'exfiltration',
    reason: 'exfiltration: asks to put a link in the reply or send data elsewhere',
    weight: 0.6,
    patterns: [
      // Put this link into the reply: an insertion verb, a reply word and an actual URL, in any order
      // ("could you add the tracking link to your reply?" names no URL and stays a question).
      new RegExp(
        String.raw`\b${INSERT}\b[^.!?\n]{0,60}(?:https?:\/\/|www_)[^\s]{0,200}[^.!?\n]{0,60}\b${REPLY}\b`,
        'i',
      ),
      new RegExp(String.raw`\b${INSERT}\b[^.!?\n]{0,60}\b${REPLY}\b[^.!?\n]{0,60}(?:https?:\/\/|www_)`, 'i'),
      new RegExp(String.raw`\b${REPLY}\b[^.!?\n]{0,60}\b${INSERT}\b[^.!?\n]{0,60}(?:https?:\/\/|www_)`, 'i'),
      /\b(?:write\s+back|reply|respond|answer)\s+with\s+(?:a\s+|the\s+|this\s+)?(?:link|url)\b[^.!?\n]{0,20}(?:https?:\/\/|www_)/i,
      /(?:https?:\/\/|www_)[^\s]{0,200}\s(?:so|where|for)\s+(?:the\s+)?(?:customer|client|user)\s+(?:can|could|will|to)\b/i,
      /\btell\s+(?:the\s+)?(?:customer|client|user|them)\s+to\s+(?:visit|go\s+to|click|pay|open|use|log\s+in)\b/i,
      /\b(?:send|forward|email|e-mail|post|upload|leak|append|copy|export)\b[^.!?\n]{0,60}\b(?:conversation|chat\s+history|customer\s+(?:list|data|details)|order\s+(?:history|details|data)|(?:e-?mail|ip)\s+address(?:es)?|api\s+key|credentials|passwords|personal\s+data)\b[^.!?\n]{0,60}(?:\bto\b|https?:\/\/|@)/i,
      /\b(?:reply|respond|tell|give|show|print|reveal|send)\b[^.!?\n]{0,30}\b(?:api\s?key|secret\s+key|access\s+token|the\s+key\s+you\s+use)\b/i,
      /!\[[^\]\n]{0,100}\]\(https?:\/\/[^)\s]{1,300}\)/i,
      /https?:\/\/[^\s{}]{0,200}\{[^}\s]{1,40}\}/i,
      // German, French, Spanish, Italian: put this link into the reply / send the data away.
      /\b(?:schick\w{0,2}|send\w{0,2}|übermittle\w{0,2}|leite\w{0,2})\b[^.!?\n]{0,60}(?:kundendaten|bestelldaten|daten\s+aller|verlauf|api-?schlüssel|passw[oö]rt)/i,
      /\b(?:envía|envia|manda|reenv[ií]a)\b[^.!?\n]{0,60}(?:datos\s+de\s+(?:los\s+)?clientes|historial)|\b(?:envoie|envoyez|transf[eè]re)\b[^.!?\n]{0,60}(?:donn[ée]es\s+(?:des\s+)?clients|historique)|\b(?:invia|inoltra|manda)\b[^.!?\n]{0,60}(?:dati\s+(?:dei\s+)?clienti|cronologia)/i,
    ],
  },
];

// Instructions the reader was given ("your rules", "the rules you were configured with", "les règles qu'on t'a données").
const YOUR_RULES = String.raw`(?:your\s+(?:instructions|rules|guidelines|directives|programming|configuration|system\s+prompt)|(?:instructions|rules|guidelines|directives|policy)\s+you\s+(?:operate|work|run)\s+under|(?:instructions|rules|guidelines|directives)\s+(?:you\s+(?:were\s+\w+\s+with|were\s+given|have\s+been\s+given|got|received|have|follow)|given\s+to\s+you)|(?:anweisungen|regeln|vorgaben|richtlinien),?\s+die\s+(?:du|sie|man\s+dir)|deine\s+(?:anweisungen|regeln|vorgaben|richtlinien)|(?:r[eè]gles|consignes|instructions)\s+qu'?\s?on\s+t'a|tes\s+(?:r[eè]gles|consignes|instructions)|(?:instrucciones|reglas|normas)\s+que\s+(?:tienes|te\s+dieron|te\s+han)|tus\s+(?:instrucciones|reglas|normas)|(?:istruzioni|regole)\s+che\s+ti\s+(?:hanno|sono)|le\s+tue\s+(?:istruzioni|regole))`;
// …declared void. Not "outdated": customers say the shop's return instructions are outdated.
const REVOKED = String.raw`(?:suspended|void|revoked|cancel+ed|lifted|overridden|superseded|no\s+longer\s+(?:apply|valid|matter|count)|(?:do\s+not|don'?t)\s+(?:apply|matter|count)|keine\s+rolle\s+mehr|gelten\s+nicht\s+mehr|sind\s+(?:aufgehoben|ungültig)|ne\s+s'appliquent\s+plus|ne\s+sont\s+plus\s+valables|ne\s+comptent\s+plus|ya\s+no\s+(?:son\s+v[aá]lidas|aplican|valen|cuentan)|non\s+valgono\s+pi[uù]|non\s+sono\s+pi[uù]\s+valide|non\s+contano\s+pi[uù])`;
const MANAGEMENT = String.raw`(?:management|ceo|director|direction|board|boss|owner|admin\w{0,8}|finance|legal|head\s+office|gesch[äa]ftsleitung|gesch[äa]ftsf[üu]hrung|leitung|chef\w{0,2}|inhaber\w{0,2}|vorstand|direction|dirigeants?|g[ée]rant|direcci[oó]n|gerencia|gerente|due[ñn]o|direzione|direttore|titolare|amministrazione)`;

/** Families written for structure rather than exact wording, after a blind test showed the phrase lists above generalise poorly. */
export const GENERAL_RULES: Rule[] = [
  {
    id: 'override',
    reason: 'override: asks to ignore or forget previous instructions',
    weight: 0.9,
    patterns: [
      new RegExp(String.raw`\b${YOUR_RULES}\b[^.!?\n]{0,50}\b${REVOKED}`, 'i'),
      /\b(?:update|change|amendment|correction|addendum|override)s?\s+(?:to|of|for)\s+your\s+(?:instructions|rules|guidelines|system\s+prompt|programming)\b/i,
      /\byour\s+(?:instructions|rules|guidelines|system\s+prompt)\s+(?:have\s+been|were|are\s+now)\s+(?:updated|changed|replaced|amended)\b/i,
      /\b(?:treat|consider|regard)\s+(?:everything|all|anything)\s+(?:above|before|prior)\b[^.!?\n]{0,30}\b(?:void|irrelevant|invalid|cancel\w{0,3}|null)\b/i,
    ],
  },
  {
    id: 'new_role',
    reason: 'new role: gives the assistant a new system prompt, role or master',
    weight: 0.8,
    patterns: [
      /\b(?:pretend|imagine|act\s+as\s+if|fais\s+comme\s+si|faites\s+comme\s+si|finge|finja|fingi|fai\s+finta|fate\s+finta|tu\s+so,?\s+als\s+(?:ob|w[äa]rst))\b[^.!?\n]{0,40}\b(?:you|tu|eres|sei|du|director|directeur|directrice|direttore|gerente|manager|owner|admin|boss|chef|leiter|lawyer|avocat|abogado|avvocato)\b/i,
      /\byou(?:'re|\s+are)\s+no\s+longer\s+(?:a|an|the|my)?\s?(?:\w+\s+)?(?:assistant|agent|bot|ai|chatbot|model)\b/i,
      /\b(?:enable|activate|turn\s+on|unlock)\s+(?:admin|developer|debug|god|maintenance|unrestricted|test|sudo|jailbreak)\s+mode\b/i,
      /\bspiel\w{0,2}\s+(?:ab\s+jetzt|jetzt|nun|ab\s+sofort)\s+(?:einen|eine|den|die)\b/i,
    ],
  },
  {
    id: 'fake_turn',
    reason: 'fake conversation turn: text pretends to be a system, assistant or user message',
    weight: 0.75,
    patterns: [
      /[[<]\/?\s?(?:system|assistant|sistema|asistente|assistente|assistent|systeme|ki)\s?[\]>]/i,
      /#{2,}\s?(?:system\w{0,10}|message\s+systeme|mensaje\s+del\s+sistema|messaggio\s+di\s+sistema)\b/i,
      /(?:^|\n)\s?(?:support|agent|bot|representative|staff|kundenservice|service\s+client|soporte|assistenza)\s?:[^\n]{0,200}\b(?:refund\w{0,3}|approved?|credit|erstatt\w{0,4}|genehmigt|rembours\w{0,4}|reembols\w{0,3}|aprobad\w|rimbors\w{0,3}|approvat\w)/i,
      /(?:-{2,}|={2,})\s?(?:fin|fine|ende|final)\s+(?:du|del|des|della|der)\s+/i,
    ],
  },
  {
    id: 'authority',
    reason: 'claim of authority: says it comes from the shop, its staff or the AI provider',
    weight: 0.7,
    patterns: [
      new RegExp(
        String.raw`\b(?:on\s+behalf\s+of|by\s+order\s+of|per\s+instructions?\s+from|at\s+the\s+request\s+of|on\s+the\s+instructions\s+of|im\s+auftrag\s+(?:der|des|von)|auf\s+anweisung\s+(?:der|des|von)|de\s+la\s+part\s+de|sur\s+ordre\s+de|par\s+ordre\s+de|por\s+orden\s+de|de\s+parte\s+de|en\s+nombre\s+de|su\s+ordine\s+d\w{0,4}|da\s+parte\s+d\w{0,4}|per\s+conto\s+d\w{0,4})\s+(?:the\s+|la\s+|le\s+|el\s+|il\s+|l'|der\s+|des\s+|del\s+|della\s+|dello\s+)?(?:\w+\s+){0,2}?${MANAGEMENT}\b`,
        'i',
      ),
      /\bthis\s+is\s+\w+\s+from\s+(?:your|the)\s+(?:company'?s?\s+|store'?s?\s+|shop'?s?\s+)?(?:finance|billing|legal|accounts?|it|management|security|engineering|head\s+office)\b/i,
    ],
  },
  {
    id: 'output_fields',
    reason: 'sets our output fields: tries to fix money, tier, decision or confidence',
    weight: 0.9,
    patterns: [
      /["'](?:decision|tier|involves_money|needs_review)["'][^.!?\n]{0,20}["']?(?:refund|exchange|credit|autonomous|false)\b/i,
    ],
  },
  {
    id: 'exfiltration',
    reason: 'exfiltration: asks to put a link in the reply or send data elsewhere',
    weight: 0.6,
    patterns: [
      /\bask\w{0,2}\s+(?:the\s+)?(?:customer|client|user|them)\s+to\s+(?:confirm|enter|provide|send|verify|share|re-?enter)\s+(?:their|his|her|the)\b/i,
      /\b(?:copy|paste|include|list|add|put)\s+(?:the\s+)?(?:customer'?s?|their|all)\s+(?:\w+\s+){0,3}(?:address|phone|e-?mail|card|details|data|history)\b[^.!?\n]{0,40}\b(?:reply|answer|response)\b/i,
      /\b(?:whoever|the\s+person\s+who)\s+(?:drafts|writes|answers|handles|reads)\b[^.!?\n]{0,60}(?:https?:\/\/|www_)/i,
    ],
  },
];

// Someone who runs the brand: founders, owners, heads of a team.
const BRAND_ROLE = String.raw`(?:founders?|co-?founders?|owners?|ceo|head|director|manager|gr[üu]nder\w{0,2}|inhaber\w{0,2}|chef\w{0,2}|fondat\w{1,5}|fundador\w{0,2}|due[ñn]\w{1,2}|titolare|propri[ée]taire)`;
// A speaker label as a line of its own kind: "AI response:", "Antwort des Assistenten:", "Réponse de l'assistant :".
// Not "bot", "agent" or "support": customers paste their chats with the shop's bot or agents (blind test-4).
const LABEL_ROLE = String.raw`(?:assistant|ai|model|system|assistent(?:en)?|assistente|asistente|systeme|sistema|ki|ia)`;

/** A third round, written for blind test-3's misses in general form (speaker labels, self-declared staff, reply meta-talk). */
export const GENERAL_RULES_2: Rule[] = [
  {
    id: 'override',
    reason: 'override: asks to ignore or forget previous instructions',
    weight: 0.9,
    patterns: [
      new RegExp(
        String.raw`\b(?:drop|scratch|ditch|throw\s+out|put\s+aside|set\s+aside)\b${GAP}\b(?:policy|policies|guidelines|rules|instructions|directives|playbook|script)\b`,
        'i',
      ),
      /\blass\w{0,2}\s+(?:alle\s+|deine\s+|die\s+)?(?:regeln|anweisungen|vorgaben|richtlinien)\b[^.!?\n]{0,40}\bbeiseite\b/i,
      /\b(?:mets|mettez)\s+de\s+c[oô]t[ée]\s+(?:toutes\s+|tes\s+|vos\s+|les\s+)*(?:consignes|r[eè]gles|instructions)\b/i,
      /\bdej[ae]d?\s+(?:a\s+un\s+lado|de\s+lado)\s+(?:todas\s+|tus\s+|las\s+)*(?:reglas|instrucciones|normas)\b/i,
      /\bmetti\s+da\s+parte\s+(?:tutte\s+|le\s+tue\s+|le\s+)*(?:regole|istruzioni)\b/i,
      /\byou(?:'ve|\s+have)\s+been\s+(?:told|instructed|authori[sz]ed|cleared)\s+to\s+(?:make\s+an\s+exception|approve|refund|skip|ignore|grant)\b/i,
    ],
  },
  {
    id: 'new_role',
    reason: 'new role: gives the assistant a new system prompt, role or master',
    weight: 0.8,
    patterns: [
      /\byou\s+(?:will\s+be|are\s+going\s+to\s+be|shall\s+be|are\s+now\s+called)\s+["'“«]/i,
      /\bfor\s+(?:this|the\s+rest\s+of\s+this)\s+(?:conversation|chat|session|ticket)\b[^.!?\n]{0,20}\byou\s+(?:are|will|must|shall)\b/i,
      /\b(?:in\s+diesem\s+gespr[äa]ch\s+bist\s+du|pour\s+cette\s+conversation,?\s+tu|en\s+esta\s+conversaci[oó]n\s+(?:eres|ser[aá]s)|in\s+questa\s+conversazione\s+(?:sei|sarai))\b/i,
      /\byou\s+(?:must|should|will)\s+(?:now\s+)?(?:respond|answer|reply|speak|act)\s+as\s+(?:the|a|an|my)\b/i,
    ],
  },
  {
    id: 'fake_turn',
    reason: 'fake conversation turn: text pretends to be a system, assistant or user message',
    weight: 0.75,
    patterns: [
      new RegExp(
        String.raw`(?:^|\n)\s?(?:(?:response|reply|answer|antwort|r[ée]ponse|respuesta|risposta|message|nachricht)\s(?:of|from|des|de\s?l'\s?|de\s|del|dell'\s?|du|della)\s?(?:the\s)?)?${LABEL_ROLE}(?:\s(?:response|reply|answer|notice|message|note|output|antwort))?\s?:(?!\s?(?:ios|android|windows|mac\s?os|linux|chrome|safari|firefox|edge|version|v?\d))`,
        'i',
      ),
      /(?:={2,}|-{2,}|\*{2,})\s?system\s(?:notice|message|update|alert|note)\b/i,
    ],
  },
  {
    id: 'authority',
    reason: 'claim of authority: says it comes from the shop, its staff or the AI provider',
    weight: 0.7,
    patterns: [
      new RegExp(
        String.raw`\b(?:i(?:'m|\s+am)|ich\s+bin|je\s+suis|soy|sono)\s+(?:one\s+of\s+the|einer\s+der|eine\s+der|l'une?\s+des|uno\s+de\s+los|una\s+de\s+las|uno\s+dei|una\s+delle|the|der|die|le|la|el|il)\s+${BRAND_ROLE}\s+(?:of|at|dieser|der|des|de|del|della|dello|du)\s+(?:this\s+|the\s+|your\s+|la\s+|le\s+|el\s+|il\s+)?(?:brand|company|store|shop|business|marke|firma|shops?|marque|boutique|marca|tienda|marchio|negozio|azienda|entreprise|empresa)\b`,
        'i',
      ),
      // "Security team notice:", "Customer Experience leadership"; not an invoice's "Billing Notice" header.
      /\b(?:security|billing|finance|legal|trust|compliance|customer\s+experience|cx|fraud)\s+(?:team\s+(?:notice|alert|directive|instruction)|leadership|directive)\b/i,
      /\b(?:this|the)\s+(?:account|ticket|user|order|request)\s+(?:is|has\s+been)\s+(?:verified|trusted|pre-?approved|whitelisted|cleared)\b/i,
    ],
  },
  {
    id: 'exfiltration',
    reason: 'exfiltration: asks to put a link in the reply or send data elsewhere',
    weight: 0.6,
    patterns: [
      /\btell\s+(?:them|the\s+customer|the\s+client|the\s+user)\b[^.!?\n]{0,60}(?:https?:\/\/|www_)/i,
      /\b(?:list|show|include|give|print)\s+(?:me\s+)?(?:every|all|each)\s+(?:\w+\s+){0,2}(?:orders?|customers?|addresses|accounts|tickets)\s+(?:you\s+can\s+see|you\s+have|in\s+(?:the|your)\s+(?:system|database))/i,
      /\b(?:when|if)\s+you\s+(?:write\s+back|reply|respond|answer)\b[^.!?\n]{0,80}(?:https?:\/\/|www_)/i,
    ],
  },
];

/** Signals that a message talks to the software reading it rather than to the shop's staff (fourth round, on dev-4). */
export const META_RULES: Rule[] = [
  {
    id: 'addresses_machine',
    reason: 'addressed to the software reading the message',
    weight: 0.5,
    patterns: [
      /\b(?:to|for|dear|hey|attention|note\s+to)\s+(?:any|the|whatever|every|whichever)\s+(?:bot|program|programme|model|ai|system|script|software|automation|parser|assistant|tool)\s+(?:reading|parsing|processing|handling|that\s+(?:reads|parses|processes)|who\s+reads)\b/i,
      /\b(?:an\s+(?:das|den|die)\s+(?:programm|bot|system|ki|software)\s*,?\s+(?:das|der|die)\s+(?:das\s+|dies\s+)?(?:hier\s+)?liest|au\s+(?:programme|bot|syst[eè]me|logiciel)\s+qui\s+lit|al\s+(?:programa|bot|sistema)\s+que\s+lee|al\s+(?:programma|bot|sistema)\s+che\s+legge)\b/i,
      /\b(?:for\s+your|to\s+your)\s+(?:pipeline|classifier|parser|workflow\s+engine|automation)\b/i,
    ],
  },
  {
    id: 'no_human',
    reason: 'keeps a person out: asks not to pass the ticket to a human',
    weight: 0.5,
    patterns: [
      /\b(?:don'?t|do\s+not|never|without)\s+(?:route|escalat\w{1,3}|pass|send|forward|hand)\w{0,3}\b[^.!?\n]{0,30}\b(?:human|person|people|staff|reviewer)s?\b/i,
      /\bno\s+need\s+to\s+(?:escalate|involve\s+(?:a\s+)?(?:human|person|staff))\b/i,
      /\bnicht\s+an\s+(?:einen\s+)?menschen\b|\bsans\s+passer\s+par\s+un\s+humain|\bno\s+lo\s+pasen?\s+a\s+una\s+persona|\bsenza\s+passarlo\s+a\s+una\s+persona/i,
    ],
  },
  {
    id: 'authority',
    reason: 'claim of authority: says it comes from the shop, its staff or the AI provider',
    weight: 0.7,
    patterns: [
      /\((?:i|ich|je|yo|io)\s+(?:oversee|supervise|manage|run|betreue|leite|g[èe]re|supervise|superviso|gestiono|supervisiono|gestisco)\s+(?:your|eure|ihre|votre|vos|su|sus|la\s+vostra|il\s+vostro)\b/i,
      /\b(?:regional|general|store|shop|support|area|district)\s+manager\s+here\b|\b(?:regionalleiter(?:in)?|filialleiter(?:in)?)\s+hier\b/i,
    ],
  },
];

/** Fifth round, on dev-4: third-person talk about "the customer" next to a link, renaming the assistant, signed orders. */
export const META_RULES_2: Rule[] = [
  {
    id: 'exfiltration',
    reason: 'exfiltration: asks to put a link in the reply or send data elsewhere',
    weight: 0.6,
    patterns: [
      // The writer speaks of "the customer" and gives a link: a message to the agent, not from a customer.
      /\b(?:the\s+customer|the\s+client|den\s+kunden|dem\s+kunden|le\s+client|al\s+cliente|il\s+cliente)\b[^\n]{0,80}(?:https?:\/\/|www_)/i,
      /(?:https?:\/\/|www_)[^\s]{0,200}[^\n]{0,60}\b(?:the\s+customer|the\s+client|den\s+kunden|le\s+client|al\s+cliente|il\s+cliente)\b/i,
      /\b(?:in\s+(?:your|the)\s+(?:answer|reply|response)|in\s+(?:der|deiner|ihrer)\s+antwort|dans\s+(?:ta|la|votre)\s+r[ée]ponse|en\s+(?:la|tu|su)\s+respuesta|nella\s+(?:tua\s+|vostra\s+)?risposta)\b[^\n]{0,80}(?:https?:\/\/|www_)/i,
      /\b(?:cc|bcc)\b[^\n]{0,60}@[^\n]{0,60}\b(?:order\s+history|customer\s+data|all\s+orders|account\s+details|full\s+history)\b/i,
    ],
  },
  {
    id: 'new_role',
    reason: 'new role: gives the assistant a new system prompt, role or master',
    weight: 0.8,
    patterns: [
      /\b(?:your\s+name\s+is\s+now|you(?:'re|\s+are)\s+(?:now\s+)?called|from\s+(?:this\s+point|here)\s+(?:on\s+)?you(?:'re|\s+are))\b/i,
      /(?<!wie\s)\bhei(?:ß|ss)t\s+du\b|\btu\s+t'appelles\s+(?!comment)|(?<!c[oó]mo\s)\bte\s+llamas\b|(?<!come\s)\bti\s+chiami\b/i,
      /\b(?:in\s+the\s+voice\s+of|write\s+as\s+if\s+you\s+were|speaking\s+as\s+if\s+you\s+were)\b/i,
    ],
  },
  {
    id: 'authority',
    reason: 'claim of authority: says it comes from the shop, its staff or the AI provider',
    weight: 0.7,
    patterns: [
      /[—–-]{1,2}\s?(?:the\s+)?(?:legal|compliance|finance|billing|security|management|executive)\s+(?:department|team|office)\s*$/im,
      /\b(?:compliance|legal|policy|regulation)\s+requires\s+(?:that\s+)?you\s+(?:refund|approve|issue|grant|credit)\b/i,
    ],
  },
];

/** Letter-by-letter runs joined without spaces ("ignorepreviousinstructions"): signatures that need no word breaks. */
export const COMPACT_SIGNATURES =
  /(?:ignore|disregard|forget|bypass)(?:all|the|your|any|every){0,2}(?:previous|prior|above|earlier|system)?(?:instructions|rules|prompts?|guidelines)|systemprompt|youarenow|developermode|jailbreak|doanythingnow|ignorier\w{0,6}(?:anweisungen|regeln)|vergiss(?:alle|deine)?(?:vorherigen)?(?:anweisungen|regeln)|ignore[rz](?:les|toutes)?(?:instructions|consignes)|ignora(?:las|le|tutte)?(?:instrucciones|istruzioni)|(?:reveal|show|print)(?:your|the)?(?:system)?prompt/i;
