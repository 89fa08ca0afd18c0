import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { manualInputSchema } from '../../lib/messaging/contract/core';
import { MessageError } from '../../lib/messaging/result';
import type { Sender } from '../../lib/messaging/trust';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { snapshotEnvelopeSchema } from '../../lib/sites/snapshot-schema';

// Per-tab state lives in storage.session: it survives service-worker restarts, is cleared with
// the browser session, and (unlike storage.local) is not readable by content scripts by default.
type Part = 'snapshot' | 'manual' | 'cs.analysis' | 'cs.draft' | 'fixes';
// `fixes`: the values the user typed for missing fields (field-fixes.ts).
const PARTS: readonly Part[] = ['snapshot', 'manual', 'cs.analysis', 'cs.draft', 'fixes'];
const key = (tabId: number, part: Part) => `tab.${tabId}.${part}`;

async function read(tabId: number, part: Part): Promise<unknown> {
  const k = key(tabId, part);
  return (await browser.storage.session.get(k))[k];
}

/** The tab's snapshot. Only `writeTabSnapshot` stores one, and only after `checkPageData`. */
export async function readTabSnapshot(tabId: number): Promise<CheckedSnapshot | null> {
  const parsed = snapshotEnvelopeSchema.safeParse(await read(tabId, 'snapshot'));
  return parsed.success ? (parsed.data as CheckedSnapshot) : null;
}

export async function writeTabSnapshot(tabId: number, snapshot: CheckedSnapshot): Promise<void> {
  await browser.storage.session.set({ [key(tabId, 'snapshot')]: snapshot });
}

export async function readManualInput(tabId: number): Promise<z.infer<typeof manualInputSchema> | null> {
  const parsed = manualInputSchema.safeParse(await read(tabId, 'manual'));
  return parsed.success ? parsed.data : null;
}

export async function writeManualInput(tabId: number, value: z.infer<typeof manualInputSchema> | null): Promise<void> {
  if (value) await browser.storage.session.set({ [key(tabId, 'manual')]: value });
  else await browser.storage.session.remove(key(tabId, 'manual'));
}

/** A value a process keeps for the tab (checked by the caller's schema on read). */
export async function readTabValue<T>(
  tabId: number,
  part: 'cs.analysis' | 'cs.draft',
  schema: z.ZodType<T>,
): Promise<T | null> {
  const parsed = schema.safeParse(await read(tabId, part));
  return parsed.success ? parsed.data : null;
}

export async function writeTabValue(tabId: number, part: 'cs.analysis' | 'cs.draft', value: unknown): Promise<void> {
  await browser.storage.session.set({ [key(tabId, part)]: value });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(PARTS.map((p) => key(tabId, p)));
}

/** The page the panel's own tab shows, as `read` turns its snapshot into an engine's input. */
export async function panelTabPage<T>(sender: Sender, read: (s: CheckedSnapshot | null) => T | null): Promise<T> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel asks about its tab.');
  const page = read(await readTabSnapshot(sender.tabId));
  if (!page) throw new MessageError('not_found', 'This tab does not show that page (yet). Reload it if it should.');
  return page;
}
