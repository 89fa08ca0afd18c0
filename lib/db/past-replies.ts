import type { PastReply } from '../cs/replies';
import type { CounterpartDB, PastReplyRow } from './schema';

/** Every stored past reply, as the drafter reads them (fields coerced: rows may come from an older backup). */
export async function loadPastReplies(database: CounterpartDB): Promise<PastReply[]> {
  const rows = await database.pastReplies.toArray();
  return rows.map((r) => ({
    id: String(r.ticketId ?? r.id),
    subject: String(r.subject ?? ''),
    customerText: String(r.customerText ?? ''),
    replyText: String(r.replyText ?? ''),
    tags: Array.isArray(r.tags) ? r.tags.map(String) : [],
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : null,
  }));
}

/** Stores imported Gorgias replies, keyed `gorgias:<ticket id>` so a re-import overwrites instead of duplicating. */
export async function savePastReplies(database: CounterpartDB, replies: readonly PastReply[]): Promise<void> {
  await database.pastReplies.bulkPut(
    replies.map(
      (r): PastReplyRow => ({
        id: `gorgias:${r.id}`,
        ticketId: r.id,
        subject: r.subject,
        customerText: r.customerText,
        replyText: r.replyText,
        tags: r.tags,
        createdAt: r.createdAt,
      }),
    ),
  );
}
