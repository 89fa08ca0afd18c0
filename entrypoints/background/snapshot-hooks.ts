import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { captureSentReply } from './cs';
import { captureFromSnapshot } from './listings';
import { storePageCounts } from './planning';
import { storeReturnLines } from './returns';

/**
 * What each process stores when a changed, validated snapshot arrives, before the tab's snapshot
 * becomes visible to the panel (whose queries only read): CS records a sent reply against its
 * draft, listings capture the Shopify product as canonical and record Seller Central reads,
 * returns store the return's lines (local analysis), planning stores the page's stock counts.
 * One failing hook never stops the others or the snapshot itself.
 */
const HOOKS: Array<(snapshot: CheckedSnapshot) => Promise<void>> = [
  captureSentReply,
  captureFromSnapshot,
  storeReturnLines,
  storePageCounts,
];

export async function runSnapshotHooks(snapshot: CheckedSnapshot): Promise<void> {
  const results = await Promise.allSettled(HOOKS.map((hook) => hook(snapshot)));
  for (const r of results) if (r.status === 'rejected') console.warn('[counterpart] snapshot hook failed', r.reason);
}
