import { draftForTicket, localCsEngine } from '../../lib/cs/service';
import { policiesSchema } from '../../lib/cs/settings';
import { DEFAULT_VOICE } from '../../lib/cs/templates';
import { parseTicketInput } from '../../lib/cs/ticket';
import { type CliCommand, flag, forEachJsonLine, readInputFile } from '../command';
import { lineModel, MODEL_FLAGS_USAGE, modelFromFlags } from '../model';

/** Drafts a cited reply per ticket: the panel's pipeline (local engine, or a model with `--model`; demo policies). */
export const draftReplyCommand: CliCommand = {
  name: 'draft-reply',
  summary: 'Draft a reply per ticket from templates, order data and policy clauses, with citations and fact check',
  usage: [
    'input line:  same as classify-ticket',
    'output line: {"draft": str, "citations": [{"kind", "label", "value"}], "flagged": [{"start", "end", "text", "kind"}]}',
    'flags:       --brand "Name"  --agent "Name"   signature (default: Northwind Apparel / Sam)',
    '             --policies file.json             {"return": str, "shipping": str, "refund": str} (default: demo policies)',
    MODEL_FLAGS_USAGE,
    '             with a model, each output line also has "model": {"provider", "model", "fallback"}',
  ].join('\n'),
  async run(io) {
    const voice = {
      brand: flag(io.args, 'brand') ?? DEFAULT_VOICE.brand,
      agent: flag(io.args, 'agent') ?? DEFAULT_VOICE.agent,
    };
    const policiesFile = flag(io.args, 'policies');
    const policies = policiesFile
      ? policiesSchema.parse(JSON.parse(readInputFile(policiesFile, 'policies')))
      : undefined;
    const provider = modelFromFlags(io.args, localCsEngine());
    return forEachJsonLine(io, async (value) => {
      const d = await draftForTicket(parseTicketInput(value), { voice, policies, provider });
      const out = { draft: d.draft, citations: d.citations, flagged: d.flagged };
      return provider ? { ...out, model: lineModel(d.meta) } : out;
    });
  },
};
