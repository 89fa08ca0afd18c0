import { call } from '../../messaging/client';
import type { SnapshotEnvelope } from '../snapshot';
import { readGorgiasApi } from './api-read';
import type { GorgiasTicket } from './schema';

/**
 * Lays the app's own ticket data over the DOM read (Gorgias structured read). The page's reading
 * stays when the app's data cannot be had, fails its check or is for another ticket: no message,
 * the snapshot just says `source: 'dom'`. Only page facts the API lacks are kept from the DOM
 * (which UI it is; whether the reply editor was found).
 */
export async function refineGorgias(snapshot: SnapshotEnvelope, doc: Document): Promise<SnapshotEnvelope> {
  const ticketId = snapshot.entityId;
  if (snapshot.page !== 'ticket' || !ticketId) return snapshot;
  const raw = await readGorgiasApi(ticketId, doc);
  if (!raw) return snapshot;
  const answer = await call('gorgias.checkApiRead', { ticketId, ...raw });
  const data = answer.ok ? answer.data.data : null;
  if (!data || data.ticketId !== ticketId) return snapshot;
  const dom = snapshot.data as GorgiasTicket | null;
  return {
    ...snapshot,
    recognised: true,
    source: 'api',
    data: { ...data, ui: dom?.ui ?? data.ui },
    missing: snapshot.missing.filter((m) => /reply editor/.test(m)),
    uncertain: [],
  };
}
