import { z } from 'zod';
import { canonicalProductSchema } from './canonical';
import { checkListing } from './check';
import { deriveListing } from './derive';
import { listingInputForms, productInputForms } from './input-forms';
import { AMAZON_POLICIES, type AmazonTitlePolicy, CHANNELS, type Channel, channelListingSchema } from './types';

export interface BatchOptions {
  channel: Channel;
  policy?: AmazonTitlePolicy;
  /** The check date, YYYY-MM-DD. */
  today: string;
  protectedSkus?: string[];
}

/** Parses `--channel` / `--policy` values; throws with the allowed values. */
export function parseBatchFlags(
  channel: string | undefined,
  policy: string | undefined,
): { channel: Channel; policy?: AmazonTitlePolicy } {
  const c = z.enum(CHANNELS).safeParse(channel);
  if (!c.success) throw new Error(`--channel must be one of ${CHANNELS.join('|')}`);
  if (policy === undefined) return { channel: c.data };
  const p = z.enum(AMAZON_POLICIES).safeParse(policy);
  if (!p.success) throw new Error(`--policy must be one of ${AMAZON_POLICIES.join('|')}`);
  return { channel: c.data, policy: p.data };
}

/** One `check-listing` line: the issue-7 input shape in, `{verdict, findings: [{rule, field, severity, message, fix}]}` out. */
export function checkListingLine(value: unknown, opts: BatchOptions) {
  const listing = channelListingSchema.parse(listingInputForms(value));
  const r = checkListing(opts.channel, listing, { policy: opts.policy, today: opts.today });
  return {
    verdict: r.verdict,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      field: f.field,
      severity: f.severity,
      message: f.message,
      fix: f.fix ?? null,
    })),
  };
}

/** One `derive-listing` line: a canonical product in, the channel variant and its remaining violations out. */
export function deriveListingLine(value: unknown, opts: BatchOptions) {
  const product = canonicalProductSchema.parse(productInputForms(value));
  const d = deriveListing(opts.channel, product, {
    policy: opts.policy,
    today: opts.today,
    protectedSkus: opts.protectedSkus,
  });
  return {
    channel: d.channel,
    product_id: d.productId,
    skus: d.skus,
    variant: d.listing,
    ready: d.ready,
    verdict: d.verdict,
    specialist_owned: d.specialistOwned,
    apply_mode: d.applyMode,
    price_flags: d.priceFlags,
    violations: d.findings.map((f) => ({
      rule: f.rule,
      field: f.field,
      severity: f.severity,
      message: f.message,
      fix: f.fix ?? null,
    })),
    transforms: d.transforms,
    policy: d.policy,
    rules_version: d.rulesVersion,
  };
}
