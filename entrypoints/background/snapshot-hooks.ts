import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { captureSentReply } from './cs';
import { captureFromSnapshot } from './listings';

/**
 * What each process does when a changed, validated snapshot arrives: CS compares a sent reply
 * with its draft, listings capture the Shopify product as canonical. One failing hook never
 * stops the others or the snapshot itself.
 */
const HOOKS: Array<(snapshot: CheckedSnapshot) => Promise<void>> = [captureSentReply, captureFromSnapshot];

export async function runSnapshotHooks(snapshot: CheckedSnapshot): Promise<void> {
  const results = await Promise.allSettled(HOOKS.map((hook) => hook(snapshot)));
  for (const r of results) if (r.status === 'rejected') console.warn('[counterpart] snapshot hook failed', r.reason);
}
