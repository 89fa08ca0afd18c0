import { now, utcDay } from '../../lib/clock';
import { deriveListingLine, parseBatchFlags } from '../../lib/listings/batch';
import { type CliCommand, dayFlag, flag, forEachJsonLine } from '../command';

/** Derives a channel variant from a canonical (Shopify) product and reports what still violates the rules. */
export const deriveListingCommand: CliCommand = {
  name: 'derive-listing',
  summary: 'Derive a channel variant from a canonical product; writes the variant and its remaining violations',
  usage: [
    'input line:  {"title", "description_html", "vendor", "product_type", "tags": [str], "options": [{"name", "values"}], "variants": [{"sku", "barcode", "price", "compare_at_price", "weight", "weight_unit", "options"}], "images": [{"url", "alt", "width", "height", "format", "file_mb", "corner_rgb", "product_fill"}], "seo_title", "seo_description"}',
    'output line: {"channel", "product_id", "skus", "variant", "ready", "verdict", "specialist_owned", "apply_mode", "price_flags", "violations": [{"rule", "field", "severity", "message", "fix"}], "transforms", "policy", "rules_version"}',
    'flags:       --channel amazon|walmart|ebay|target|faire|shopify   (required)',
    '             --policy amazon-2025-01|amazon-2026-07',
    '             --protected SKU1,SKU2                              specialist-owned SKUs (suggestions only, prices flagged)',
    '             --today YYYY-MM-DD',
  ].join('\n'),
  async run(io) {
    let parsed: ReturnType<typeof parseBatchFlags>;
    try {
      parsed = parseBatchFlags(flag(io.args, 'channel'), flag(io.args, 'policy'));
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    const protectedSkus = (flag(io.args, 'protected') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const today = dayFlag(io.args, 'today', () => utcDay(now()));
    return forEachJsonLine(io, (value) => deriveListingLine(value, { ...parsed, today, protectedSkus }));
  },
};
