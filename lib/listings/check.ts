import { defaultAmazonPolicy } from './policy';
import { AMAZON_RULES } from './rules/amazon';
import { EBAY_RULES } from './rules/ebay';
import { FAIRE_RULES } from './rules/faire';
import { GTIN_RULES } from './rules/gtin';
import { SHOPIFY_RULES } from './rules/shopify';
import { TARGET_RULES } from './rules/target';
import { WALMART_RULES } from './rules/walmart';
import type {
  AmazonTitlePolicy,
  Channel,
  ChannelListing,
  CheckContext,
  CheckResult,
  Finding,
  Rule,
  RuleTable,
  Severity,
  Verdict,
} from './types';

/** The rule tables per channel; GTIN rules are shared by every marketplace (Shopify only warns, SHOP-BARCODE). */
export const CHANNEL_TABLES: Record<Channel, RuleTable[]> = {
  amazon: [AMAZON_RULES, GTIN_RULES],
  walmart: [WALMART_RULES, GTIN_RULES],
  ebay: [EBAY_RULES, GTIN_RULES],
  target: [TARGET_RULES, GTIN_RULES],
  faire: [FAIRE_RULES, GTIN_RULES],
  shopify: [SHOPIFY_RULES],
};

/** Every rule that runs for a channel. */
export function rulesFor(channel: Channel): readonly Rule[] {
  const tables = CHANNEL_TABLES[channel];
  const hit = RULES_CACHE.get(channel);
  if (hit && hit.tables === tables && hit.parts.every((r, i) => tables[i]?.rules === r && r.length === hit.lengths[i]))
    return hit.rules;
  const rules = tables.flatMap((t) => t.rules);
  RULES_CACHE.set(channel, {
    tables,
    parts: tables.map((t) => t.rules),
    lengths: tables.map((t) => t.rules.length),
    rules,
  });
  return rules;
}

/** Each channel's rules, flattened once (and again if a table changes). */
const RULES_CACHE = new Map<
  Channel,
  { tables: RuleTable[]; parts: readonly Rule[][]; lengths: number[]; rules: Rule[] }
>();

/** "amazon@2026-11-27.1+gtin@2026-11-27.1": stored with results so old checks say which rules they ran. */
export function rulesVersion(channel: Channel): string {
  return CHANNEL_TABLES[channel].map((t) => `${t.channel}@${t.version}`).join('+');
}

const RANK: Record<Severity, number> = { blocks_submission: 0, suppresses_listing: 1, recommendation: 2 };

/**
 * Verdict from findings: `fail` when anything blocks submission or suppresses the listing (both stop
 * the listing from selling), `warn` when only recommendations remain, `pass` when nothing was found.
 */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity !== 'recommendation')) return 'fail';
  return findings.length > 0 ? 'warn' : 'pass';
}

export interface CheckOptions {
  policy?: AmazonTitlePolicy;
  /** The check date, YYYY-MM-DD: picks the Amazon title policy in force when none is given. */
  today: string;
}

/** Runs every rule of a channel on a listing; a rule that throws is reported, never hidden. */
export function checkListing(channel: Channel, listing: ChannelListing, opts: CheckOptions): CheckResult {
  const today = opts.today;
  const ctx: CheckContext = { channel, today, policy: opts.policy ?? defaultAmazonPolicy(today) };
  const findings: Finding[] = [];
  for (const rule of rulesFor(channel)) {
    let hits: ReturnType<Rule['check']>;
    try {
      hits = rule.check(listing, ctx);
    } catch (error) {
      hits = [
        {
          field: rule.field,
          severity: 'recommendation',
          message: `rule failed to run: ${error instanceof Error ? error.message : String(error)}`,
        },
      ];
    }
    for (const h of hits) {
      const message = rule.uncertain && !h.message.startsWith('uncertain:') ? `uncertain: ${h.message}` : h.message;
      findings.push({ rule: rule.id, ...h, message });
    }
  }
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return { verdict: verdictOf(findings), findings };
}
