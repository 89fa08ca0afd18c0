import { z } from 'zod';
import type { AiProvider } from '../ai/types';
import { checkListing } from './check';
import type { DerivedVariant } from './derive';
import type { CanonicalProduct } from './model';
import { amazonTitleMax } from './policy';
import { htmlToText } from './text';
import type { Channel, ChannelListing } from './types';

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
}

/**
 * Accepts a model rewrite only if it passes the channel's rules at least as well as the
 * deterministic variant (no blocking/suppressing finding) and states no number the canonical
 * product does not (cite, don't invent).
 */
export function acceptRewrite(
  channel: Channel,
  derived: DerivedVariant,
  canonical: CanonicalProduct,
  rewrite: ListingRewrite,
  today: string,
): RewriteDecision {
  const candidate: ChannelListing = { ...derived.listing, ...rewrite };
  const known = numbers(canonicalText(canonical));
  const invented = [
    ...numbers(
      [rewrite.title, ...(rewrite.bullets ?? []), rewrite.description ?? '', rewrite.highlights ?? ''].join(' '),
    ),
  ].filter((n) => !known.has(n));
  if (invented.length)
    return {
      accepted: false,
      variant: derived.listing,
      reason: `rewrite states numbers not in the product: ${invented.join(', ')}`,
    };
  const result = checkListing(channel, candidate, { policy: derived.policy, today });
  const serious = result.findings.filter((f) => f.severity !== 'recommendation');
  if (serious.length)
    return {
      accepted: false,
      variant: derived.listing,
      reason: `rewrite breaks ${[...new Set(serious.map((f) => f.rule))].join(', ')}`,
    };
  return {
    accepted: true,
    variant: candidate,
    reason: `rewrite passes ${channel} rules (${result.findings.length} recommendation(s))`,
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
    };
  }
  const parsed = listingRewriteSchema.safeParse(answer.value);
  if (!parsed.success)
    return { accepted: false, variant: derived.listing, reason: 'model answer did not match the rewrite schema' };
  return acceptRewrite(channel, derived, canonical, parsed.data, opts.today);
}
