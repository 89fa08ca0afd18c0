import { call, setAnswerFirst } from './client';
import type { ResponseOf } from './contract';
import { isPanelFirstType, PANEL_FIRST_SLOTS, questionKey } from './panel-first';
import type { Result } from './result';

/**
 * The panel's answers given ahead: with its context the panel asks the background for the answers
 * to the first questions of its page's sections (`panel.firstAnswer`, every slot), which the
 * background computes while the panel's code loads. Each answer is used once, by the call that asks
 * exactly that question; while slots are still on their way, such a call waits for its answer (or
 * for the last slot) instead of asking on its own. A page change drops them all.
 */
const ahead = {
  generation: 0,
  /** Slots asked for and not answered yet. */
  outstanding: 0,
  answers: new Map<string, Result<unknown>>(),
  waiting: [] as Array<{ key: string; resolve: (answer: Result<unknown> | undefined) => void }>,
};

function settle(): void {
  ahead.waiting = ahead.waiting.filter((w) => {
    const answer = ahead.answers.get(w.key);
    if (answer) {
      ahead.answers.delete(w.key);
      w.resolve(answer);
      return false;
    }
    if (ahead.outstanding > 0) return true;
    w.resolve(undefined);
    return false;
  });
}

function answeredAhead(type: string, payload: unknown): Promise<Result<unknown> | undefined> {
  if (!isPanelFirstType(type)) return Promise.resolve(undefined);
  const key = questionKey(type, payload);
  return new Promise((resolve) => {
    ahead.waiting.push({ key, resolve });
    settle();
  });
}

/** Reads the panel's context, and asks for the answers to its page's first questions alongside. */
export function openPanel(): Promise<Result<ResponseOf<'panel.getContext'>>> {
  setAnswerFirst(answeredAhead);
  const generation = ahead.generation;
  const context = call('panel.getContext', {});
  ahead.outstanding += PANEL_FIRST_SLOTS;
  for (let index = 0; index < PANEL_FIRST_SLOTS; index++)
    void call('panel.firstAnswer', { index }).then((r) => {
      if (generation !== ahead.generation) return;
      ahead.outstanding -= 1;
      if (r.ok && r.data) ahead.answers.set(questionKey(r.data.type, r.data.payload), r.data.answer);
      settle();
    });
  return context;
}

/** The page changed: answers given ahead, and those on their way, no longer apply. */
export function dropAnswersAhead(): void {
  ahead.generation += 1;
  ahead.outstanding = 0;
  ahead.answers.clear();
  settle();
}
