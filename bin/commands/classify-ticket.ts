import { localCsEngine, triageTicket } from '../../lib/cs/service';
import { gateConfigSchema } from '../../lib/cs/settings';
import { parseTicketInput } from '../../lib/cs/ticket';
import { type CliCommand, flag, forEachJsonLine } from '../command';
import { lineModel, MODEL_FLAGS_USAGE, modelFromFlags } from '../model';

/** Classifies tickets and runs the autonomy gate: the panel's pipeline (local engine, or a model with `--model`). */
export const classifyTicket: CliCommand = {
  name: 'classify-ticket',
  summary: 'Classify support tickets (intent, sentiment, money, injection) and decide the autonomy tier',
  usage: [
    'input line:  {"subject": str, "messages": [{"from": "customer"|"agent", "body": str}], "orders"?: [{"number", "financial_status", "fulfillment_status", "tracking_number", "carrier", "tracking_url", "total", "currency", "created_at", "line_items": [{"sku", "title", "quantity", "price"}]}]}',
    'output line: {"intent", "intents": [{"id", "confidence"}], "sentiment", "involves_money", "injection", "tier", "reasons"}',
    'flags:       --threshold 0.8   autonomy confidence threshold (0.5–1)',
    MODEL_FLAGS_USAGE,
    '             with a model, each output line also has "model": {"provider", "model", "fallback"}',
  ].join('\n'),
  async run(io) {
    const threshold = flag(io.args, 'threshold');
    const gate = gateConfigSchema.parse(threshold ? { threshold: Number(threshold) } : {});
    const provider = modelFromFlags(io.args, localCsEngine());
    return forEachJsonLine(io, async (value) => {
      const a = await triageTicket(parseTicketInput(value), { gate, provider });
      return provider ? { ...a.result, model: lineModel(a.meta) } : a.result;
    });
  },
};
