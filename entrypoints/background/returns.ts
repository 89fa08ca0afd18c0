import * as clock from '../../lib/clock';
import { brandReasonAnswers } from '../../lib/db/brand-model-store';
import { allReturnLines, recordReturnOutcome, saveReturnLines } from '../../lib/db/returns-store';
import { db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { ReturnsConfig } from '../../lib/returns/config';
import { insightsCsv, insightsView, toReturnRecords } from '../../lib/returns/insights';
import { analysisPanel } from '../../lib/returns/presentation';
import { analyseLoopReturn, localStoredLines, pageReturnHistory, storedLines } from '../../lib/returns/service';
import { brandSettings } from '../../lib/settings/items';
import { parseReturnsSettings, returnsSettings } from '../../lib/settings/returns';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { decidePasted, type PastedLoopReturn, returnFromPaste } from '../../lib/sites/loop/paste';
import { loopReturnOf } from '../../lib/sites/loop/to-return-case';
import { aiProvider, loadAiSettings, localEngine } from './ai';
import { fixedTabSnapshot } from './field-fixes';
import { readManualInput } from './tab-state';

/** The returns policy in force: saved settings, defaults filled, shop country and currency from the brand. */
async function loadReturnsConfig(): Promise<ReturnsConfig> {
  return parseReturnsSettings(await returnsSettings.getValue(), await brandSettings.getValue());
}

const loadRecords = async () => toReturnRecords(await allReturnLines());

/** Snapshot hook: a Loop return's lines are stored from the local analysis (the panel only reads). */
export async function storeReturnLines(snapshot: CheckedSnapshot): Promise<void> {
  const page = loopReturnOf(snapshot);
  if (!page || page.case.items.length === 0) return;
  const [config, brand, lines, brandReason] = await Promise.all([
    loadReturnsConfig(),
    brandSettings.getValue(),
    allReturnLines(),
    brandReasonAnswers(db()),
  ]);
  const history = pageReturnHistory(lines, page);
  await saveReturnLines(localStoredLines(page, { config, brand: brand.name, history, now: clock.now(), brandReason }));
}

/** Background handlers of the returns process. */
export const returnsHandlers: Handlers = {
  'returns.analyse': async ({ draft }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel analyses the return on screen.');
    const snapshot = await fixedTabSnapshot(sender.tabId);
    let page = snapshot?.app === 'loop' && snapshot.page === 'return' ? loopReturnOf(snapshot) : null;
    // The manual path: a Loop page that could not be read is decided and drafted from the pasted text.
    let pasted: PastedLoopReturn | null = null;
    if ((!page || page.case.items.length === 0) && sender.app === 'loop') {
      const manual = await readManualInput(sender.tabId);
      if (manual) {
        pasted = returnFromPaste(manual.text, snapshot?.entityId ?? null);
        page = pasted.page;
      }
    }
    if (!pasted && (snapshot?.app !== 'loop' || snapshot.page !== 'return'))
      throw new MessageError('invalid_request', 'This tab does not show a Loop return.');
    const missing = snapshot?.missing[0] ?? 'Loop: returned items not found on return page; paste the return instead.';
    if (!page || page.case.items.length === 0) throw new MessageError('invalid_request', missing);
    const [config, brand, ai, lines, brandReason] = await Promise.all([
      loadReturnsConfig(),
      brandSettings.getValue(),
      loadAiSettings(),
      allReturnLines(),
      brandReasonAnswers(db()),
    ]);
    const history = pageReturnHistory(lines, page);
    const [provider, now] = [await aiProvider(), clock.now()];
    const vision = ai.mode === 'remote' && ai.vision;
    const drafter = draft === 'model' ? provider : localEngine();
    const deps = { classifier: provider, drafter, config, brand, vision, history, now, brandReason };
    const analysed = await analyseLoopReturn(page, deps);
    const a = pasted ? decidePasted(analysed, pasted, config, brand.name || undefined) : analysed;
    // Pasted text is not stored for insights (its lines are stored only from a read page).
    const ids = pasted ? [] : storedLines(page, a, now).map((r) => r.id);
    return analysisPanel(page, a, config, history, ids);
  },

  'returns.recordOutcome': async (p, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel records outcomes.');
    await recordReturnOutcome(clock.nowIso(), p);
    return { recorded: true };
  },

  'returns.insights': async (query) => insightsView(await loadRecords(), query),

  'returns.exportCsv': async (query) => insightsCsv(await loadRecords(), query, clock.utcDay(clock.now())),

  'returns.getConfig': async () => loadReturnsConfig(),

  'returns.saveConfig': async ({ config }, sender) => {
    if (sender.kind !== 'page' || sender.path !== '/options.html') {
      throw new MessageError('forbidden', 'Only the options page changes the returns policy.');
    }
    await returnsSettings.setValue(config);
    return loadReturnsConfig();
  },
};
