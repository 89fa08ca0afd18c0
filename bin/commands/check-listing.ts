import { now, utcDay } from '../../lib/clock';
import { checkListingLine, parseBatchFlags } from '../../lib/listings/batch';
import { type CliCommand, dayFlag, flag, forEachJsonLine } from '../command';

/** Checks marketplace listings against a channel's rules (issue 7 item 6). */
export const checkListingCommand: CliCommand = {
  name: 'check-listing',
  summary: 'Check listings against a channel’s rules: verdict pass|warn|fail and every finding with its fix',
  usage: [
    'input line:  {"title", "bullets": [str], "description", "search_terms", "brand", "product_type", "item_type_keyword", "gtin", "price", "attributes": {}, "images": [{"role", "format", "width", "height", "file_mb", "corner_rgb", "product_fill"}]}  (all optional but title)',
    'output line: {"verdict": "pass"|"warn"|"fail", "findings": [{"rule", "field", "severity", "message", "fix"}]}',
    'flags:       --channel amazon|walmart|ebay|target|faire|shopify   (required)',
    '             --policy amazon-2025-01|amazon-2026-07             Amazon title regime (default: by date, 2026-07 from 2026-07-27)',
    '             --today YYYY-MM-DD                                 check date (default: today)',
    'verdict:     fail = something blocks submission or suppresses the listing; warn = recommendations only',
  ].join('\n'),
  async run(io) {
    let parsed: ReturnType<typeof parseBatchFlags>;
    try {
      parsed = parseBatchFlags(flag(io.args, 'channel'), flag(io.args, 'policy'));
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return 2;
    }
    const today = dayFlag(io.args, 'today', () => utcDay(now()));
    return forEachJsonLine(io, (value) => checkListingLine(value, { ...parsed, today }));
  },
};
