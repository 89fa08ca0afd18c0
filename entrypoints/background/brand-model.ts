import * as clock from '../../lib/clock';
import { evaluateIntents } from '../../lib/cs/brand-model';
import { classifyText } from '../../lib/cs/classify';
import { customerText } from '../../lib/cs/ticket';
import {
  addCorrection,
  importLoopReasons,
  importTaggedTickets,
  loadBrandExamples,
  shadowAgreement,
} from '../../lib/db/brand-model-store';
import { db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { evaluateReasons } from '../../lib/returns/brand-reasons';
import { classifyReturn } from '../../lib/returns/classify';
import { returnWords } from '../../lib/returns/service';
import { gorgiasTicketCase } from '../../lib/sites/gorgias/to-ticket';
import { loopReturnOf } from '../../lib/sites/loop/to-return-case';
import { readTabSnapshot } from './tab-state';

/** The customer's words of the ticket the panel's tab shows (from its checked snapshot). */
async function panelTicketText(sender: Sender): Promise<string> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel picks for its ticket.');
  const found = gorgiasTicketCase(await readTabSnapshot(sender.tabId));
  if (!found) throw new MessageError('not_found', 'Open a Gorgias ticket to pick its intent.');
  return customerText(found.ticket);
}

/** The customer's comment of the Loop return the panel's tab shows (with the items' own comments). */
async function panelReturnComment(sender: Sender): Promise<string> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel picks for its return.');
  const page = loopReturnOf(await readTabSnapshot(sender.tabId));
  if (!page) throw new MessageError('not_found', 'Open a Loop return to pick its reason.');
  return returnWords(page);
}

const corrections = () => db().brandExamples.where('source').equals('correction').count();

/** Background handlers of the per-brand model (issue 15). */
export const brandModelHandlers: Handlers = {
  'learning.pickIntent': async ({ intent }, sender) => {
    const text = await panelTicketText(sender);
    await addCorrection(db(), { kind: 'intent', text, label: intent, was: classifyText(text).intent }, clock.nowIso());
    return { recorded: true, corrections: await corrections() };
  },

  'learning.pickReason': async ({ reason }, sender) => {
    const text = await panelReturnComment(sender);
    if (!text) throw new MessageError('invalid_request', 'This return has no comment to learn from.');
    const was = classifyReturn({ comment: text, selectedReason: null }).reason;
    await addCorrection(db(), { kind: 'reason', text, label: reason, was }, clock.nowIso());
    return { recorded: true, corrections: await corrections() };
  },

  'learning.stats': async () => {
    const examples = await loadBrandExamples(db());
    const count = (s: string) => examples.filter((e) => e.source === s).length;
    return {
      examples: { import: count('import'), loop: count('loop'), correction: count('correction') },
      intents: evaluateIntents(examples),
      reasons: evaluateReasons(examples),
      shadow: await shadowAgreement(db()),
    };
  },

  'learning.importTickets': async (file) => importTaggedTickets(db(), file, clock.nowIso()),

  'learning.importLoop': async (file) => importLoopReasons(db(), file, clock.nowIso()),
};
