import * as clock from '../../clock';
import { call } from '../../messaging/client';
import type { SnapshotEnvelope } from '../snapshot';
import { type LoopApiPart, mergeLoopRead } from './merge';
import type { LoopReturnData } from './schema';

type Ask = (returnId: string) => Promise<LoopApiPart | null>;

const askBackground: Ask = async (returnId) => {
  const answer = await call('loop.readReturn', { returnId });
  return answer.ok && answer.data.status === 'ok' ? answer.data.data : null;
};

const cache = new Map<string, { at: number; value: Promise<LoopApiPart | null> }>();
const CACHE_MS = 5 * 60_000;
/** Misses the API answer fills (items, reasons, comments, order, status, outcome). */
const FILLED =
  /Return Credits|returned item|SKU of|title of|price of|return reason|customer comment|order number|return status|requested outcome/;

/**
 * With a Loop API key saved, lays Loop's return details over the page's reading (the background
 * calls the API: cross-origin, and the key never leaves it). Without a key, or when Loop's answer
 * is refused, the DOM read stays as it is. One request per return view (cached here).
 */
export async function refineLoop(snapshot: SnapshotEnvelope, ask: Ask = askBackground): Promise<SnapshotEnvelope> {
  const returnId = snapshot.entityId;
  if (snapshot.page !== 'return' || !returnId) return snapshot;
  const dom = snapshot.recognised ? (snapshot.data as LoopReturnData) : null;
  const now = clock.now().getTime();
  let hit = cache.get(returnId);
  if (!hit || now - hit.at > CACHE_MS) {
    hit = { at: now, value: ask(returnId).catch(() => null) };
    cache.set(returnId, hit);
  }
  const api = await hit.value;
  if (!api) return snapshot;
  const data = mergeLoopRead(dom, returnId, api);
  return {
    ...snapshot,
    recognised: data.items.length > 0,
    source: 'api',
    data,
    missing: snapshot.missing.filter((m) => !FILLED.test(m)),
    uncertain: [],
  };
}

/** Test hook. */
export function resetLoopApiCache(): void {
  cache.clear();
}
