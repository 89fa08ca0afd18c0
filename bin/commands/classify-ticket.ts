import { triageTicket } from '../../lib/cs/service';
import { gateConfigSchema } from '../../lib/cs/settings';
import { parseTicketInput } from '../../lib/cs/ticket';
import { type CliCommand, flag, forEachJsonLine } from '../command';

/** Classifies tickets and runs the autonomy gate: the panel's pipeline on the local engine. */
export const classifyTicket: CliCommand = {
  name: 'classify-ticket',
  summary: 'Classify support tickets (intent, sentiment, money, injection) and decide the autonomy tier',
  usage: [
    'input line:  {"subject": str, "messages": [{"from": "customer"|"agent", "body": str}], "orders"?: [{"number", "financial_status", "fulfillment_status", "tracking_number", "carrier", "tracking_url", "total", "currency", "created_at", "line_items": [{"sku", "title", "quantity", "price"}]}]}',
    'output line: {"intent", "intents": [{"id", "confidence"}], "sentiment", "involves_money", "injection", "tier", "reasons"}',
    'flags:       --threshold 0.8   autonomy confidence threshold (0.5–1)',
  ].join('\n'),
  async run(io) {
    const threshold = flag(io.args, 'threshold');
    const gate = gateConfigSchema.parse(threshold ? { threshold: Number(threshold) } : {});
    return forEachJsonLine(io, async (value) => (await triageTicket(parseTicketInput(value), { gate })).result);
  },
};
