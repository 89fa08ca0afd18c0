import type { ReasonId } from './taxonomy';

/**
 * One cue of the local classifier: a pattern over the lower-cased comment and how strongly it
 * points at a reason. Weights: ≥ 1.5 decisive on its own, ~1 clear, ≤ 0.6 a hint that only
 * counts together with others or with the dropdown prior. Written from returns-handling
 * experience and Loop's reason vocabulary, not fitted to the benchmark set.
 */
export interface Cue {
  reason: ReasonId;
  pattern: RegExp;
  weight: number;
}

const SHIP = '(?:box|package|parcel|packet|carton|packaging|shipping box|outer box|envelope|mailer)';
const ITEM_WORDS = '(?:item|product|size|colou?r|model|style|one|thing|order|version|shoe|shoes|pair)';

/** `\b` that also knows German letters (JS `\b` treats "ß" and "ö" as non-word characters). */
const UNICODE_BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_])|(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_]))`;

/** Compiles a cue source with Unicode-aware word boundaries. */
export function cuePattern(source: string): RegExp {
  return new RegExp(source.replaceAll(String.raw`\b`, UNICODE_BOUNDARY), 'gu');
}

const c = (reason: ReasonId, weight: number, source: string): Cue => ({
  reason,
  weight,
  pattern: cuePattern(source),
});

export const CUES: readonly Cue[] = [
  // --- sizing ---------------------------------------------------------------------------------
  c('too_small', 1.6, String.raw`\btoo (?:small|smal|tight|snug|little|narrow|tiny)\b`),
  c(
    'too_small',
    1.4,
    String.raw`\bruns? (?:a (?:bit|little|size|half size) |about (?:one|a|1) size |very |really |super |way )?(?:small|tight|snug)\b`,
  ),
  c('too_small', 1.4, String.raw`\b(?:size|sizing|go|going|went) up\b|\b(?:one|a|half a?) size (?:up|bigger|larger)\b`),
  c('too_small', 1.3, String.raw`\b(?:bigger|larger|next) size\b`),
  c(
    'too_small',
    1.2,
    String.raw`\b(?:could(?:n'?t| not)|can'?t|cannot|unable to) (?:zip|button|close|pull|squeeze|get (?:it|them|my \w+) (?:on|over|up|in|past))\b`,
  ),
  c('too_small', 0.7, String.raw`\b(?:tight|snug|tiny|cramped|squeez\w*|pinch\w*|smaller than)\b`),
  c('too_small', 0.5, String.raw`\bsmall\b`),
  c('too_small', 1.6, String.raw`\b(?:zu (?:klein|eng)|nummer größer|eine größe größer)\b`),
  // Hedged, comparative and past-tense statements of size (issue 15): "seemed a bit tight", "ran
  // small", "should have ordered a size up", "a small would've fit better".
  c(
    'too_small',
    1.4,
    String.raw`\b(?:is|was|were|are|felt|feels?|seemed|seems?|looked|looks?|fits?|fit|it's|runs?|ran|running|came out) (?:a (?:little |tiny )?bit |a little |a tad |slightly |somewhat |kind of |kinda |quite |very |so |really |super |way |definitely |extremely |unbearably |too |rather |just )?(?:tight|snug|small|tiny|short in the (?:waist|torso|body))\b`,
  ),
  c(
    'too_small',
    1.5,
    String.raw`\b(?:runs?|ran|running) (?:at least |about |almost )?(?:a |one |1 |a full |half a |two |2 )(?:full )?sizes? (?:too )?small\b|\b(?:sized|size|went|go|going|ordered|order|get|got|bought) (?:up|a size up|one size up|a (?:size |)(?:bigger|larger) (?:size|one)?)\b|\bordered (?:a |the )?(?:larger|bigger|next) size\b`,
  ),
  c(
    'too_small',
    1.6,
    String.raw`\b(?:should|could|would|might) (?:have|of|'ve) (?:ordered|gotten|got|gone with|bought|gone|sized) (?:up|a (?:size )?(?:larger|bigger)|the (?:larger|bigger|next size up)|a (?:large|medium|l|m|xl))\b|\b(?:need|needed|would need) (?:a |one )?size (?:up|bigger|larger)\b|\b(?:a |the )?(?:larger|bigger) (?:size )?(?:would|might) (?:have )?(?:fit|fitted|been) better\b`,
  ),
  c('too_large', 1.6, String.raw`\b(?:too|to) (?:big|large|loose|roomy|wide|baggy)\b`),
  c(
    'too_large',
    1.4,
    String.raw`\bruns? (?:a (?:bit|little|size|half size) |about (?:one|a|1) size |very |really |super |way )?(?:big|large|loose)\b`,
  ),
  c('too_large', 1.4, String.raw`\b(?:size|sizing|go|going|went) down\b|\b(?:one|a|half a?) size (?:down|smaller)\b`),
  c('too_large', 1.3, String.raw`\b(?:smaller|next size down) size\b`),
  c(
    'too_large',
    1.0,
    String.raw`\b(?:swimming in|hangs? off|falls? (?:down|off)|slips? (?:off|out)|oversized|huge|enormous|massive)\b`,
  ),
  c('too_large', 0.7, String.raw`\b(?:loose|baggy|roomy|bigger than|larger than)\b`),
  c('too_large', 0.5, String.raw`\b(?:big|large)\b`),
  c('too_large', 1.6, String.raw`\bzu (?:groß|gross|weit)\b`),
  c(
    'too_large',
    1.4,
    String.raw`\b(?:is|was|were|are|felt|feels?|seemed|seems?|looked|looks?|fits?|fit|it's|runs?|ran|running|came out) (?:a (?:little |tiny )?bit |a little |a tad |slightly |somewhat |kind of |kinda |quite |very |so |really |super |way |definitely |extremely |unbearably |too |rather |just )?(?:big|large|loose|baggy|huge|wide|oversized)\b`,
  ),
  c(
    'too_large',
    1.5,
    String.raw`\b(?:runs?|ran|running) (?:at least |about |almost )?(?:a |one |1 |a full |half a |two |2 )(?:full )?sizes? (?:too )?(?:big|large)\b|\b(?:sized|size|went|go|going|ordered|order) (?:down|a size down|one size down)\b|\b(?:drowning|swimming|lost) in (?:it|them)\b`,
  ),
  c(
    'too_large',
    1.6,
    String.raw`\b(?:should|could|would|might) (?:have|of|'ve) (?:ordered|gotten|got|gone with|bought|gone|sized) (?:down|a (?:size )?smaller|the smaller|a (?:small|xs|extra small|s|petite)|my (?:own|usual|normal|regular|true) size)\b|\b(?:need|needed|would need) (?:a |one )?size (?:down|smaller)\b|\b(?:a |the )?(?:smaller (?:size )?|small |xs |petite )(?:probably )?(?:would|might)(?:'ve| have)? (?:fit|fitted|been) better\b|\bexchanging it for (?:one |a )?size smaller\b`,
  ),
  c(
    'too_small',
    1.5,
    String.raw`\b(?:trop (?:petit|serré|juste)|taille petit|demasiado (?:pequeñ[oa]|ajustad[oa]|estrech[oa])|talla pequeña)\b`,
  ),
  c(
    'too_large',
    1.5,
    String.raw`\b(?:trop (?:grand|large)|taille grand|demasiado (?:grande|anch[oa]|holgad[oa])|talla grande)\b`,
  ),
  // A fit that is fine: weak size hints in the same comment do not count (see classify.ts).
  c('fit_other', 1.4, String.raw`\btoo (?:long|short|low|high)\b`),
  c(
    'fit_other',
    1.2,
    String.raw`\b(?:fits?|fitting|cut) (?:is )?(?:weird|weirdly|strange|strangely|odd|oddly|funny|funnily|wrong|awkward|awkwardly|off|unflattering)\b`,
  ),
  c('fit_other', 1.2, String.raw`\b(?:weird|strange|odd|funny|awkward|bad|poor|unflattering) (?:fit|cut|shape)\b`),
  c('fit_other', 1.1, String.raw`\b(?:does ?n'?o?t|did ?n'?o?t|does not|did not|won'?t) fit\b`),
  c(
    'fit_other',
    0.6,
    String.raw`\b(?:inseam|rise|torso|length|proportions?|gap(?:e|es|ing)?|boxy|rides? up|neckline|waistband|crotch is|armholes?)\b`,
  ),
  c('fit_other', 0.4, String.raw`\b(?:fit|fits|fitting)\b`),
  c(
    'fit_other',
    1.3,
    String.raw`\b(?:sits|hangs|fits|fit|looked|looks) (?:wrong|strange|weird|odd|funny|awkward|unflattering)\b|\bfit is a mess\b|\bfits? (?:strange|strangely|weird)\b|\b(?:flares|sticks) out too much\b|\bzero waist\b|\bnot for (?:the )?(?:very )?(?:petite|tall|busty|curvy)\b|\b(?:runs?|ran|running) (?:very |really |a bit |a little )?(?:short|long)\b`,
  ),
  // --- defect, quality, damage ----------------------------------------------------------------
  c(
    'defective',
    1.6,
    String.raw`\b(?:ripped|rips|tore|torn|tear|tears|split|splitting|unravel\w*|unstitched|came (?:apart|undone|unstitched|loose|off)|fell (?:off|apart)|falling (?:off|apart)|coming (?:apart|undone))\b`,
  ),
  c('defective', 1.6, String.raw`\b(?:broke|broken|breaks|snapped|snaps|cracked|crack|shattered)\b`),
  c(
    'defective',
    1.7,
    String.raw`\b(?:stopped working|does ?n'?o?t work|doesn'?t work|not working|won'?t (?:turn on|charge|work|power on|close|open|zip|pair|connect)|does ?n'?o?t (?:turn on|charge|close|open|zip)|doesn'?t (?:turn on|charge|close|open|zip)|dead on arrival|doa|malfunction\w*|faulty|defect\w*|glitch\w*|flicker\w*|leaks?|leaking|leaked)\b`,
  ),
  c(
    'defective',
    1.3,
    String.raw`\b(?:hole|holes|stain|stains|stained|peel\w*|de-?laminat\w*|scratch\w*|chipped|dent|dented|mou?ld|mildew|dead pixels?|wobbly|loose thread|pulled thread|snag\w*|missing stitch\w*)\b`,
  ),
  c(
    'defective',
    0.6,
    String.raw`\b(?:seam|seams|zipper|zip|stitching|buckle|clasp|strap|sole|heel|button|snap|handle|hinge|battery|hem)\b`,
  ),
  c('defective', 1.6, String.raw`\b(?:kaputt|defekt|gerissen|funktioniert nicht|aufgegangen|löcher|loch)\b`),
  c(
    'defective',
    1.5,
    String.raw`\b(?:rash|hives|burn(?:ed|t|s)?|blister\w*|allergic|allergy|skin reaction|reaction|injur\w*|swallow\w*|chok\w*|overheat\w*|caught fire|smok\w*|swell\w*|swollen|electric shock)\b`,
  ),
  c(
    'poor_quality',
    1.5,
    String.raw`\b(?:poor|bad|low|terrible|awful|cheap|not (?:great|good|the best)|disappointing) quality\b`,
  ),
  c(
    'poor_quality',
    1.0,
    String.raw`\b(?<!(?:great|good|nice|high|excellent|impeccable|wonderful|beautiful|fine|top|lovely|amazing|quality|better) )quality\b(?! (?:is|was|looks|seems|feels|seemed) (?:great|good|nice|excellent|fine|amazing|wonderful|impeccable|there|lovely|beautiful))(?! (?:material|fabric))`,
  ),
  c(
    'poor_quality',
    1.3,
    String.raw`\b(?:cheap(?:ly)? made|poorly made|badly made|feels cheap|looks cheap|flimsy|shoddy|sloppy|not worth (?:the|it)|pill(?:ed|ing|s)?|bobbl\w*|fuzz(?:ing|y|ed)?|shrunk|shrank|shrinks?|fad(?:ed|es|ing)|bleeds?|bleeding|crooked|uneven|scratchy|itchy|smells?|chemical\w*|plasticky|feels like plastic|see[- ]?through|thin)\b`,
  ),
  c('poor_quality', 0.8, String.raw`\bcheap\b`),
  c(
    'damaged_in_transit',
    1.8,
    String.raw`\b${SHIP}\b[^.;!?]{0,40}\b(?:crushed|damaged|torn|ripped|wet|soaked|soaking|destroyed|dented|smashed|open(?:ed)?|broken|squashed|beschädigt|eingedrückt)\b`,
  ),
  c(
    'damaged_in_transit',
    1.8,
    String.raw`\b(?:crushed|damaged|torn|ripped|destroyed|dented|smashed|squashed|beschädigt|eingedrückt)\b[^.;!?]{0,25}\b${SHIP}\b`,
  ),
  c('damaged_in_transit', 1.6, String.raw`\b(?:in|during) (?:transit|shipping|shipment|the post|delivery)\b`),
  c(
    'damaged_in_transit',
    1.5,
    String.raw`\b(?:arrived|came|delivered|showed up) (?:\w+ )?(?:damaged|broken|smashed|shattered|cracked|dented|crushed|scratched|beschädigt)\b`,
  ),
  c(
    'damaged_in_transit',
    1.3,
    String.raw`\b(?:courier|carrier|postman|mail ?man|delivery (?:driver|guy)|ups|fedex|dhl|usps|royal mail|dpd|hermes)\b`,
  ),
  c(
    'damaged_in_transit',
    1.0,
    String.raw`\b(?:no padding|badly packed|poorly packed|packaging|shattered|smashed|crushed)\b`,
  ),
  // --- fulfilment -------------------------------------------------------------------------------
  c('wrong_item', 1.8, String.raw`\bwrong ${ITEM_WORDS}\b`),
  c('wrong_item', 1.6, String.raw`\b(?:received|got|sent|shipped|delivered)\b[^.;!?]{0,40}\binstead of\b`),
  c(
    'wrong_item',
    1.5,
    String.raw`\b(?:not (?:what|the (?:one|item|product|size|colou?r)) i (?:ordered|picked|chose|selected)|not the right ${ITEM_WORDS}|(?:isn'?t|is not|not) (?:even )?my order|someone else'?s|different (?:item|product) than (?:i )?ordered)\b`,
  ),
  c(
    'wrong_item',
    1.3,
    String.raw`\b(?:i )?(?:ordered|picked|chose|selected)\b[^.;!?]{0,40}\b(?:and|but) (?:got|received|you sent|they sent|it came|came)\b`,
  ),
  c('wrong_item', 1.2, String.raw`\byou sent\b|\bsent me\b`),
  c('wrong_item', 1.6, String.raw`\bfalsche[rsn]? (?:artikel|größe|farbe)\b`),
  c(
    'missing_parts',
    1.7,
    String.raw`\b(?:missing|not included|wasn'?t included|weren'?t included|were not included|was not included|absent|fehlt|fehlen)\b`,
  ),
  c('missing_parts', 1.5, String.raw`\b(?:wasn'?t|weren'?t|was not|were not|not) in the (?:box|package|parcel|bag)\b`),
  c(
    'missing_parts',
    1.3,
    String.raw`\bonly (?:got|received|came with|one|\d+|two) (?:\w+ )?(?:of|in the box|earring|shoe|piece)\b`,
  ),
  c(
    'missing_parts',
    1.0,
    String.raw`\b(?:no|without (?:the|a|any)) (?:charger|cable|instructions|manual|screws|lid|belt|strap|cover|case|remote|batteries)\b`,
  ),
  c(
    'arrived_late',
    1.7,
    String.raw`\b(?:too late|arrived late|came late|delivered late|late delivery|was late|were late|(?:\d+|a|one|two|three|four|five|six|a few|several) (?:days?|weeks?) late|delay(?:ed|s)?|didn'?t arrive in time|did not arrive in time|not in time|took (?:forever|ages|too long|so long|\d+ (?:days|weeks)|(?:almost |nearly |over )?a (?:month|week))|shipping took|zu spät)\b`,
  ),
  c(
    'arrived_late',
    1.2,
    String.raw`\b(?:after (?:the|my|our)|missed (?:the|my|our)|for (?:the|my|our)) (?:wedding|event|party|trip|holiday|holidays|birthday|vacation|occasion|christmas|date)\b`,
  ),
  c('arrived_late', 0.8, String.raw`\blate\b`),
  // --- expectations -----------------------------------------------------------------------------
  c(
    'not_as_described',
    1.7,
    String.raw`\b(?:not|nothing|doesn'?t look|does not look|didn'?t look|looks?) (?:\w+ )?like (?:the|in the|on the) (?:photos?|pictures?|pics?|images?|description|website|site|listing|ad|model|product page)\b`,
  ),
  c(
    'not_as_described',
    1.7,
    String.raw`\b(?:than|as) (?:described|advertised|pictured|shown|listed|stated|expected from the (?:photos?|pictures?))\b`,
  ),
  c(
    'not_as_described',
    1.5,
    String.raw`\b(?:description|listing|advert|ad|website|site|product page|photos?|pictures?|images?)\b[^.;!?]{0,30}\b(?:says?|said|shows?|showed|states?|claims?|promised|mentions?|looked|look)\b`,
  ),
  c(
    'not_as_described',
    1.4,
    String.raw`\b(?:misleading|misrepresented|not as (?:described|pictured|advertised|shown)|different (?:from|than|to) (?:the )?(?:photos?|pictures?|description|listing|website))\b`,
  ),
  c(
    'not_as_described',
    0.9,
    String.raw`\b(?:expected|colou?r is (?:off|different)|looks different|in person|on the website|in the photos?|in the pictures?|online)\b`,
  ),
  // --- preference -------------------------------------------------------------------------------
  c(
    'changed_mind',
    1.8,
    String.raw`\b(?:changed? my mind|change of mind|no longer (?:need|want|needed|wanted)|don'?t (?:need|want) (?:it|this|them)(?! to)|didn'?t need (?:it|this|them)\b(?! to)|not for me|not my style|not my taste|don'?t (?:like|love) (?:it|this|them|the)|didn'?t (?:like|love) (?:it|this|them|the)|doesn'?t suit|not what i want|impulse|regret (?:buying|ordering|the purchase)|decided (?:to return|against|not to keep|i don'?t)|gefällt mir (?:doch )?nicht)\b`,
  ),
  c(
    'changed_mind',
    1.0,
    String.raw`\b(?:don'?t|didn'?t|doesn'?t) (?:want|like|love)\b|\b(?:don'?t|didn'?t|doesn'?t) need (?:it|this|them)\b|\b(?:cancel+ed|money is tight|(?:bought|ordered) too many|by mistake|clicked|moving)\b`,
  ),
  c(
    'ordered_multiple',
    1.8,
    String.raw`\b(?:ordered|bought|got|purchased) (?:both|two|2|three|3|multiple|several|a couple of) (?:sizes|colou?rs|of them)\b|\bbracket\w*\b|\b(?:ordered|bought|got) both\b`,
  ),
  c(
    'ordered_multiple',
    1.3,
    String.raw`\b(?:to (?:see|compare|try) which|keeping the (?:other|\w+)|kept the (?:other|\w+)|the extra (?:one|size)|both sizes|two sizes|the one that didn'?t fit)\b`,
  ),
  c(
    'duplicate_order',
    1.9,
    String.raw`\b(?:duplicate|double order\w*|ordered (?:it |this |the same (?:thing|item|order) )?twice|placed (?:the |my )?(?:same )?order twice|twice by (?:accident|mistake)|charged twice|same order twice|accidentally (?:ordered|placed|bought)[^.;!?]{0,30}twice)\b`,
  ),
  c('duplicate_order', 0.8, String.raw`\btwice\b`),
  c(
    'better_price',
    1.8,
    String.raw`\b(?:cheaper|better (?:price|deal)|lower price|for less|price (?:dropped|drop|went down|match)|went on sale|\d+ ?% off|competitor|price ?match)\b`,
  ),
  c('better_price', 0.8, String.raw`\b(?:sale|price|deal|discount)\b`),
  c('better_price', 0.9, String.raw`\b(?:on sale|sale price)\b`),
  c(
    'unwanted_gift',
    1.8,
    String.raw`\b(?:(?:a|as a|was a|received as a|bought as a) (?:gift|present)|gave (?:it|this) to me|gift (?:from|exchange|card)|recipient)\b`,
  ),
  c(
    'unwanted_gift',
    1.0,
    String.raw`\b(?:gift|present|geschenk)\b|\b(?:already (?:has|have|owns?)) (?:one|it|this)\b|\b(?:got|gave|bought) me the same\b`,
  ),
];

/** Health and safety cues: any match sends the return to a person (rule `human_review.health_safety`). */
export const SAFETY_PATTERN = cuePattern(
  String.raw`\b(?:rash\w*|hives|burn(?:ed|t|s|ing)?|blister\w*|allergic|allergy|skin (?:reaction|irritation)|(?:red|itchy) (?:bumps|welts|spots)|injur\w*|hurt (?:my|me|him|her)|cut (?:my|me|him|her)|bleed\w*|swallow\w*|chok\w*|overheat\w*|got (?:so |really |very )?hot|caught fire|on fire|smok(?:e|ed|ing)|spark\w*|exploded|swell(?:ed|ing)? up|swollen|electric shock|shocked me|hospital|doctor|a&e|emergency room|poison\w*|ausschlag|verbrannt|verletz\w*)\b`,
);

/** Words in the text before a cue that turn it around ("not too small", "isn't damaged"). */
export const NEGATORS = cuePattern(
  String.raw`\b(?:not|no|never|isn'?t|wasn'?t|aren'?t|weren'?t|ain'?t|nothing|nicht|kein|keine|without)\b`,
);

/** Phrases after which the text before is discounted ("it's tight but that's not why — ..."). */
export const DISCOUNT_BEFORE =
  /\b(?:that'?s not (?:why|the (?:main |real )?(?:issue|reason|problem))|not the (?:main |real )?(?:issue|reason|problem)|not why i'?m returning|not the reason)\b/g;

/** Contrast markers: what follows usually carries the real reason. */
export const CONTRAST = /\b(?:but|however|though|actually|instead|except)\b/g;

/**
 * A fit that is fine ("fits perfectly", "true to size", "the small fit me well"): when the comment
 * says so, hints of size below `FIT_OK_FLOOR` do not count, so a review that mentions the length
 * or the waist of an item that fitted is not a size return.
 */
export const FIT_OK = cuePattern(
  String.raw`\b(?:fits?|fitted|fit me|fit was|fits me) (?:\w+ )?(?:perfectly|perfect|great|well|fine|nicely|just right|like a glove|true to size|tts|beautifully|good|ok|okay)\b|\b(?:true to size|tts|perfect fit|great fit|fit is (?:great|perfect|fine|good)|sizing (?:is|was) (?:accurate|spot on|on spot|perfect|right)|no (?:problem|issue)s? with (?:the )?(?:sizing|size|fit)|(?:size|sizing) is (?:on spot|spot on|accurate)|worked (?:perfectly )?for me|works perfectly|(?:fit|sizing|size)(?: and \w+)? (?:is|was|are|were) (?:both |all )?(?:perfect|great|fine|spot on|accurate))\b`,
);
export const FIT_OK_FLOOR = 1.2;

/** Advice to other shoppers or a condition ("if you are busty, size up", "those with a small bust might want to go down a size"): a size cue after it counts little. */
export const CONDITIONAL = cuePattern(
  String.raw`\b(?:if|those with|anyone with|people with|might want to|may want to|you (?:can|could|may|might|should|would))\b`,
);
