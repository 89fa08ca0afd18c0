import { guardInjectionLine } from '../../lib/ai/guards/injection';
import { type CliCommand, forEachJsonLine } from '../command';

/** Flags prompt-injection attempts in customer or page text. */
export const guardInjectionCommand: CliCommand = {
  name: 'guard-injection',
  summary: 'Flag prompt-injection attempts (overrides, role play, prompt leaks, hidden text, fake turns) in text',
  usage: ['input line:  {"text": str}', 'output line: {"injection": bool, "reasons": [str]}'].join('\n'),
  run: (io) => forEachJsonLine(io, guardInjectionLine),
};
