import { call, setAnswerFirst } from './client';
import type { ResponseOf } from './contract';
import { isPanelFirstType, questionKey } from './panel-first';
import type { Result } from './result';

type Answers = Map<string, Result<unknown>>;

/**
 * The panel's answers given ahead: `panel.open` brings the context and the answers to the first
 * questions of the page's sections, computed together in the background while the panel's code
 * loads. Each answer is used once, by the call that asks exactly that question; while an open is on
 * its way, such a call waits for it instead of asking on its own. A page change drops them all.
 */
const ahead = { generation: 0, pending: null as Promise<Answers> | null };

async function answeredAhead(type: string, payload: unknown): Promise<Result<unknown> | undefined> {
  const pending = ahead.pending;
  if (!pending || !isPanelFirstType(type)) return undefined;
  const generation = ahead.generation;
  const answers = await pending;
  if (generation !== ahead.generation) return undefined;
  const key = questionKey(type, payload);
  const answer = answers.get(key);
  answers.delete(key);
  return answer;
}

/** Opens (or re-reads) the panel: its context; the answers that came with it wait for their questions. */
export function openPanel(): Promise<Result<ResponseOf<'panel.getContext'>>> {
  setAnswerFirst(answeredAhead);
  const generation = ahead.generation;
  const opened = call('panel.open', {});
  ahead.pending = opened.then(
    (r): Answers =>
      new Map(
        r.ok && generation === ahead.generation
          ? r.data.answers.map((a) => [questionKey(a.type, a.payload), a.answer])
          : [],
      ),
  );
  return opened.then((r) => (r.ok ? { ok: true, data: r.data.context } : r));
}

/** The page changed: answers given ahead, and those on their way, no longer apply. */
export function dropAnswersAhead(): void {
  ahead.generation += 1;
  ahead.pending = null;
}
