import { browser } from 'wxt/browser';
import * as clock from '../../lib/clock';
import { pruneOldRows } from '../../lib/db/retention';
import { db } from '../../lib/db/schema';
import { parseRetentionSettings, retentionSettings } from '../../lib/settings/retention';

export const PRUNE_ALARM = 'counterpart.prune';

/** One pruning run with the saved period; a failure is logged and retried at the next start or alarm. */
export async function pruneNow(): Promise<void> {
  const { days } = parseRetentionSettings(await retentionSettings.getValue());
  try {
    const removed = await pruneOldRows(db(), days, clock.now());
    if (Object.values(removed).some((n) => n > 0)) console.info('[counterpart] retention: removed', removed);
  } catch (error) {
    console.warn('[counterpart] retention pruning failed', error);
  }
}

/**
 * Prunes old snapshots, AI cache, usage and audit rows when the background starts and once a day
 * (an alarm survives the worker being stopped; `alarms` is in the manifest's permissions).
 */
export function setupRetention(): void {
  void pruneNow();
  if (!browser.alarms) return;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PRUNE_ALARM) void pruneNow();
  });
  void browser.alarms.get(PRUNE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60 });
  });
}
