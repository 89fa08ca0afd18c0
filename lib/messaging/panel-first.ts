/**
 * The panel's first questions (`panel.firstAnswer`): the messages the sections of a page ask as soon
 * as they show, which the background answers ahead, asked for with the context (it computes them
 * while the panel's code is still loading). Zod-free: the panel's boot chunk imports it.
 */
export const PANEL_FIRST_TYPES = [
  'cs.analyseTicket',
  'cs.draftReply',
  'returns.analyse',
  'listings.editor',
  'listings.inventory',
  'listings.product',
  'planning.skuSummary',
  'sites.fieldFixes',
] as const;
/** How many first questions a page may have: the panel asks for every slot. */
export const PANEL_FIRST_SLOTS = 4;

export type PanelFirstType = (typeof PANEL_FIRST_TYPES)[number];

export const isPanelFirstType = (type: string): type is PanelFirstType =>
  (PANEL_FIRST_TYPES as readonly string[]).includes(type);

/** One question and its payload as one string: an answer given ahead answers exactly that question. */
export const questionKey = (type: string, payload: unknown): string => `${type} ${stableJson(payload)}`;

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
