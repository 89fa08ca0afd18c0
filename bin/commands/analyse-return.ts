import { now as clockNow } from '../../lib/clock';
import { analyseReturn, toAnalyseOutput } from '../../lib/returns/analyse';
import { resolveReturnsConfig } from '../../lib/returns/config';
import { returnCaseSchema } from '../../lib/returns/schema';
import { analyseLoopReturn, caseAsPageReturn, localReturnsEngine } from '../../lib/returns/service';
import { type CliCommand, flag, forEachJsonLine, readInputFile } from '../command';
import { lineModel, MODEL_FLAGS_USAGE, modelFromFlags } from '../model';

/**
 * Classifies the true return reason, decides and routes the return, and drafts the reply (local
 * engine; with `--model`, the panel's pipeline, where the model can only add reasons for review).
 */
export const analyseReturnCommand: CliCommand = {
  name: 'analyse-return',
  summary:
    'Classify a return’s true reason, decide refund/exchange/keep/deny/review with its rule, route it, draft the reply',
  usage: [
    'input line:  {"items": [{"sku", "title", "variant", "price", "quantity", "category", "final_sale"}], "selected_reason": str, "comment": str, "created_at"?: when the customer asked for the return, "photos"?: [url], "order"?: {"number", "created_at", "delivered_at", "country"}, "customer"?: {"email", "orders_count", "returns_count"}}',
    'output line: {"reason", "reasons": [{"id", "confidence", "evidence"}], "mismatch", "decision", "rule", "warehouse", "flags", "window": {"from", "from_source", "to", "to_source", "days"}, "draft"}',
    "window:      from delivery (else the order date) to the line's created_at; --now only when created_at is missing",
    'flags:       --now 2026-11-20T12:00:00Z   fallback end of the return window for lines without created_at (default: now)',
    '             --config policy.json         returns policy overrides (see lib/returns/config.ts)',
    '             --lang en|de                 reply language (default en)',
    '             --brand Name                 brand name in the reply sign-off',
    MODEL_FLAGS_USAGE,
    '             with a model, each output line also has "model": {"provider", "model", "fallback"} (of the reason)',
  ].join('\n'),
  async run(io) {
    const nowFlag = flag(io.args, 'now');
    const now = nowFlag ? new Date(nowFlag) : clockNow();
    if (Number.isNaN(now.getTime())) {
      io.err(`--now is not a date: ${nowFlag}`);
      return 2;
    }
    const configPath = flag(io.args, 'config');
    const config = resolveReturnsConfig(configPath ? JSON.parse(readInputFile(configPath, 'config')) : {});
    const lang = flag(io.args, 'lang') === 'de' ? 'de' : 'en';
    const brand = flag(io.args, 'brand');
    const provider = modelFromFlags(io.args, localReturnsEngine());
    if (!provider)
      return forEachJsonLine(io, (value) =>
        toAnalyseOutput(analyseReturn(returnCaseSchema.parse(value), { config, now, lang, brand })),
      );
    return forEachJsonLine(io, async (value, lineNo) => {
      const c = returnCaseSchema.parse(value);
      const a = await analyseLoopReturn(caseAsPageReturn(c, `line-${lineNo}`), {
        classifier: provider,
        drafter: provider,
        config,
        brand: { name: brand ?? '', voice: 'friendly and clear' },
        lang,
        vision: false,
        history: c.history ?? null,
        now,
      });
      return { ...toAnalyseOutput(a), model: lineModel(a.provider.classify) };
    });
  },
};
