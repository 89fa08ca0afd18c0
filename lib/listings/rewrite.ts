import { z } from 'zod';
import type { AiProvider } from '../ai/types';
import type { CanonicalProduct } from './canonical';
import type { ProductRecord } from './capture';
import { checkListing } from './check';
import type { DerivedVariant } from './derive';
import { type EditorPage, matchCanonical } from './editor';
import { amazonTitleMax } from './policy';
import type { ListingsContext } from './readiness';
import { htmlToText } from './text';
import type { AmazonTitlePolicy, Channel, ChannelListing, Finding } from './types';

/** What a model may rewrite: text fields only (identifiers, prices and images never). */
export const listingRewriteSchema = z.object({
  title: z.string().min(1).max(500),
  bullets: z.array(z.string().max(1000)).max(10).optional(),
  description: z.string().max(5000).optional(),
  search_terms: z.string().max(1000).optional(),
  highlights: z.string().max(500).optional(),
});
export type ListingRewrite = z.infer<typeof listingRewriteSchema>;

const LIMITS: Record<Channel, string> = {
  amazon:
    'Amazon: title brand first; no ! $ ? _ { } ^ ¬ ¦; no promotional or subjective words; no word more than twice; 3–5 bullets of 10–255 characters, no terminal punctuation, no ™ ® © emoji; description plain text with <br> only, ≤ 2000 characters; search terms lower case, space-separated, no brand names, < 200 bytes.',
  walmart:
    'Walmart: product name ≤ 150 characters (50–75 best), no special characters, no promotional or retailer names; 3+ key features; description plain text ≤ 4000 characters.',
  ebay: 'eBay: title ≤ 80 characters, only words describing the item, no "?" or symbols; description simple HTML, no links or contact details.',
  target: 'Target Plus: title = brand + size group + feature + item type + size/colour; no claims.',
  faire: 'Faire: plain-text description, no HTML; wholesale buyers (retailers) are the readers.',
  shopify: 'Shopify: SEO title < 60 characters, meta description ≤ 160 characters.',
};

/** Numbers in a text (a rewrite must not introduce numbers the canonical product does not state). */
function numbers(s: string): Set<string> {
  return new Set(s.match(/\d+(?:[.,]\d+)?/g) ?? []);
}

function canonicalText(p: CanonicalProduct): string {
  return [
    p.title,
    htmlToText(p.description_html),
    p.vendor,
    p.product_type,
    ...p.tags,
    ...p.options.flatMap((o) => o.values),
    ...p.variants.map((v) => v.title),
  ].join(' ');
}

export interface RewriteDecision {
  accepted: boolean;
  /** The variant to use: the rewrite when accepted, else the deterministic one unchanged. */
  variant: ChannelListing;
  reason: string;
  /** The channel's findings on the fields the rewrite sets (every severity). */
  findings: Finding[];
  /** Numbers the rewrite states that its sources do not. */
  invented: string[];
}

/** What a rewrite is checked against: the listing it changes and the title policy in force (a derived variant is one). */
export interface RewriteBase {
  listing: ChannelListing;
  policy: AmazonTitlePolicy;
}

const onField = (keys: readonly string[]) => (f: Finding) =>
  keys.some((k) => f.field === k || f.field.startsWith(`${k}[`));

/**
 * Accepts a model rewrite only if the fields it sets pass the channel's rules (no blocking or
 * suppressing finding on them; the others are the base's own) and it states no number that its
 * sources do not (cite, don't invent). `sources` is the canonical product, or the text the model
 * was given.
 */
export function acceptRewrite(
  channel: Channel,
  base: RewriteBase,
  sources: CanonicalProduct | string,
  rewrite: ListingRewrite,
  today: string,
): RewriteDecision {
  const candidate: ChannelListing = { ...base.listing, ...rewrite };
  const known = numbers(typeof sources === 'string' ? sources : canonicalText(sources));
  const invented = [
    ...numbers(
      [rewrite.title, ...(rewrite.bullets ?? []), rewrite.description ?? '', rewrite.highlights ?? ''].join(' '),
    ),
  ].filter((n) => !known.has(n));
  const result = checkListing(channel, candidate, { policy: base.policy, today });
  const findings = result.findings.filter(onField(Object.keys(rewrite)));
  const serious = findings.filter((f) => f.severity !== 'recommendation');
  const rejected = (reason: string) => ({ accepted: false, variant: base.listing, reason, findings, invented });
  if (invented.length) return rejected(`rewrite states numbers not in the product: ${invented.join(', ')}`);
  if (serious.length) return rejected(`rewrite breaks ${[...new Set(serious.map((f) => f.rule))].join(', ')}`);
  return {
    accepted: true,
    variant: candidate,
    reason: `rewrite passes ${channel} rules (${findings.length} recommendation(s))`,
    findings,
    invented,
  };
}

/** Asks the configured model for a search-oriented rewrite, then re-checks it; falls back to the deterministic variant. */
export async function rewriteWithModel(
  provider: Pick<AiProvider, 'extract'>,
  channel: Channel,
  derived: DerivedVariant,
  canonical: CanonicalProduct,
  opts: { today: string; signal?: AbortSignal },
): Promise<RewriteDecision> {
  const max = channel === 'amazon' ? amazonTitleMax(derived.policy, derived.listing.product_type) : undefined;
  let answer: Awaited<ReturnType<AiProvider['extract']>>;
  try {
    answer = await provider.extract({
      task: 'listings.rewrite',
      sources: [],
      schema: listingRewriteSchema,
      schemaName: 'listing_rewrite',
      instructions: [
        `Rewrite this product's listing for ${channel} search. Keep every fact; add none (no new numbers, materials or claims).`,
        LIMITS[channel],
        max ? `Title at most ${max} characters.` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      text: JSON.stringify({
        canonical: {
          title: canonical.title,
          description: htmlToText(canonical.description_html),
          tags: canonical.tags,
        },
        current: derived.listing,
      }),
      signal: opts.signal,
    });
  } catch (error) {
    // No model, or an unusable answer: the deterministic variant stands, and the panel says why.
    return {
      accepted: false,
      variant: derived.listing,
      reason: `model rewrite unavailable: ${error instanceof Error ? error.message : String(error)}`,
      findings: [],
      invented: [],
    };
  }
  const parsed = listingRewriteSchema.safeParse(answer.value);
  if (!parsed.success)
    return {
      accepted: false,
      variant: derived.listing,
      reason: 'model answer did not match the rewrite schema',
      findings: [],
      invented: [],
    };
  return acceptRewrite(channel, derived, canonical, parsed.data, opts.today);
}

/** Rules as instructions for a model rewrite of an Amazon title (the same rules re-check the answer). */
export function rewriteInstructions(policy: AmazonTitlePolicy, maxChars: number): string {
  return [
    'Rewrite the Amazon product title in the source for search on Amazon. Answer with the title only, one line.',
    `Rules: at most ${maxChars} characters including spaces (${policy}); start with the brand;`,
    'then product type, key attribute, colour, size or pack count;',
    'none of the characters ! $ ? _ { } ^ ¬ ¦; no promotional or subjective phrases (free shipping, best seller, #1, sale);',
    'no word more than twice; no emoji or symbols such as ™ ® ©; numbers as digits; Title Case; no claims the source does not make.',
  ].join(' ');
}

/** The rule id of the fact check's finding: the rewrite states a number none of its sources do. */
export const INVENTED_NUMBER_RULE = 'REWRITE-INVENTED-NUMBER';

/**
 * The listing editor's "Rewrite for search": the model rewrites the live title from the live
 * listing and the matched canonical product, and the answer is ready only through
 * {@link acceptRewrite} — the Amazon rules on the title, and no number its sources do not state.
 */
export async function rewriteEditorTitle(
  provider: Pick<AiProvider, 'draft'>,
  page: EditorPage,
  products: readonly ProductRecord[],
  ctx: Pick<ListingsContext, 'policy' | 'today'>,
) {
  const field = 'title';
  const { live } = page;
  const max = amazonTitleMax(ctx.policy, live.product_type, String(live.attributes?.marketplace ?? ''));
  const canonical = matchCanonical(products, page.sku, live.gtin)?.record.product;
  const sources = [
    {
      id: 'live',
      label: 'Current Amazon listing',
      text: `Title: ${live.title}\nBrand: ${live.brand ?? ''}\nBullets:\n${(live.bullets ?? []).join('\n')}`,
    },
    ...(canonical
      ? [
          {
            id: 'canonical',
            label: 'Canonical product (Shopify)',
            text: `Title: ${canonical.title}\nType: ${canonical.product_type}\nTags: ${canonical.tags.join(', ')}\nOptions: ${canonical.options.map((o) => `${o.name}: ${o.values.join('/')}`).join('; ')}`,
          },
        ]
      : []),
  ];
  const result = await provider.draft({
    task: 'listings.rewriteTitle',
    instructions: rewriteInstructions(ctx.policy, max),
    sources,
  });
  const text = result.value.text.replace(/\s+/g, ' ').trim().replace(/^"|"$/g, '');
  const decision = acceptRewrite(
    'amazon',
    { listing: live, policy: ctx.policy },
    sources.map((s) => s.text).join('\n'),
    { title: text },
    ctx.today,
  );
  const invented: Finding[] = decision.invented.length
    ? [{ rule: INVENTED_NUMBER_RULE, field, severity: 'blocks_submission', message: decision.reason }]
    : [];
  return {
    field,
    text,
    findings: [...invented, ...decision.findings].map((f) => ({
      rule: f.rule,
      field: f.field,
      severity: f.severity,
      message: f.message,
    })),
    ready: text.length > 0 && decision.accepted,
    provider: result.meta.provider,
    model: result.meta.model,
    notice: result.meta.notice ?? (result.meta.fallback ? 'The model did not answer; the local engine did.' : null),
  };
}
