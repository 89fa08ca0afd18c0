import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import { classifyReturn } from '../../lib/returns/classify';
import { REASON_LABELS } from '../../lib/returns/taxonomy';
import { readManualInput } from './tab-state';

/**
 * The manual path on a Loop page that could not be read: the pasted text is read like a return
 * comment (the local reason classifier, nothing sent anywhere) so the panel can show the true
 * reason and the words behind it. No items, order or policy decision: those need the page.
 */
export const loopPasteHandlers: Handlers = {
  'loop.classifyPasted': async (_payload, sender) => {
    if (sender.kind !== 'panel' || sender.app !== 'loop')
      throw new MessageError('forbidden', 'Only the panel on a Loop page reads pasted return text.');
    const manual = await readManualInput(sender.tabId);
    if (!manual) throw new MessageError('not_found', 'Paste the return’s text first.');
    const c = classifyReturn({ comment: manual.text });
    const [best, ...rest] = c.reasons;
    return {
      text: manual.text,
      reason: REASON_LABELS[c.reason],
      confidence: best?.confidence ?? 0,
      others: rest.slice(0, 3).map((r) => REASON_LABELS[r.id]),
      safety: c.safety.length > 0,
      question: c.doubt?.question ?? null,
      marks: [
        ...(best?.evidence ?? [])
          .filter((e) => !e.negated)
          .map((e) => ({ start: e.start, end: e.end, title: REASON_LABELS[c.reason] })),
        ...c.safety.map((e) => ({ start: e.start, end: e.end, title: 'Health or safety' })),
      ].slice(0, 200),
    };
  },
};
