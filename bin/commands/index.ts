import type { CliCommand } from '../command';
import { analyseReturnCommand } from './analyse-return';
import { checkListingCommand } from './check-listing';
import { classifyTicket } from './classify-ticket';
import { deriveListingCommand } from './derive-listing';
import { draftReplyCommand } from './draft-reply';
import { guardInjectionCommand } from './guard-injection';
import { planReorderCommand } from './plan-reorder';
import { reorderPointCommand } from './reorder-point';

/** Every CLI command; each process issue adds its own module here. */
export const COMMANDS: CliCommand[] = [
  classifyTicket,
  draftReplyCommand,
  analyseReturnCommand,
  guardInjectionCommand,
  checkListingCommand,
  deriveListingCommand,
  planReorderCommand,
  reorderPointCommand,
];
