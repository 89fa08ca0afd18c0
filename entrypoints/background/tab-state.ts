import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { manualInputSchema } from '../../lib/messaging/contract/core';
import type { SnapshotEnvelope } from '../../lib/sites/snapshot';
import { snapshotEnvelopeSchema } from '../../lib/sites/snapshot-schema';

// Per-tab state lives in storage.session: it survives service-worker restarts, is cleared with
// the browser session, and (unlike storage.local) is not readable by content scripts by default.
const key = (tabId: number, part: 'snapshot' | 'manual') => `tab.${tabId}.${part}`;

export async function readTabSnapshot(tabId: number): Promise<SnapshotEnvelope | null> {
  const k = key(tabId, 'snapshot');
  const parsed = snapshotEnvelopeSchema.safeParse((await browser.storage.session.get(k))[k]);
  return parsed.success ? parsed.data : null;
}

export async function writeTabSnapshot(tabId: number, snapshot: SnapshotEnvelope): Promise<void> {
  await browser.storage.session.set({ [key(tabId, 'snapshot')]: snapshot });
}

export async function readManualInput(tabId: number): Promise<z.infer<typeof manualInputSchema> | null> {
  const k = key(tabId, 'manual');
  const parsed = manualInputSchema.safeParse((await browser.storage.session.get(k))[k]);
  return parsed.success ? parsed.data : null;
}

export async function writeManualInput(tabId: number, value: z.infer<typeof manualInputSchema> | null): Promise<void> {
  if (value) await browser.storage.session.set({ [key(tabId, 'manual')]: value });
  else await browser.storage.session.remove(key(tabId, 'manual'));
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([key(tabId, 'snapshot'), key(tabId, 'manual')]);
}
