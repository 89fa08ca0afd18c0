import { importPastReplies, type PastReply } from '../cs/replies';
import { fnv1a } from '../util/hash';
import { REJECTED_KEPT, recordImport } from './imports';
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

/**
 * Imports a Gorgias replies export (CSV or JSON): stores the readable replies, logs the run in the
 * import log, and reports every rejected row (the first 1000 with their line and reason).
 */
export async function importPastRepliesFile(
  database: CounterpartDB,
  file: { content: string; format?: 'csv' | 'json'; fileName?: string },
  importedAt: string,
): Promise<{ imported: number; total: number; rejected: Array<{ line: number; reason: string }> }> {
  const { rows, rejected } = importPastReplies(file.content, file.format);
  const total = rows.length + rejected.length;
  // One transaction: a full disk (or any failure) leaves neither the replies nor a log entry.
  await database.transaction('rw', database.pastReplies, database.imports, async () => {
    await savePastReplies(database, rows);
    await recordImport(database, {
      source: 'cs.pastReplies',
      fileName: file.fileName ?? 'pasted',
      fileHash: fnv1a(file.content),
      importedAt,
      rowsTotal: total,
      rowsAccepted: rows.length,
      rejected,
    });
  });
  return { imported: rows.length, total, rejected: rejected.slice(0, REJECTED_KEPT) };
}
