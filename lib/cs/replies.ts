import Papa from 'papaparse';
import type { Citation } from './draft';
import { stem, words } from './tokenize';

/** One past agent reply with the customer message it answered (imported from a Gorgias export). */
export interface PastReply {
  id: string;
  subject: string;
  customerText: string;
  replyText: string;
  tags: string[];
  createdAt: string | null;
}

export interface ReplyIndex {
  replies: PastReply[];
  idf: Map<string, number>;
  /** L2-normalised tf-idf vector per reply (of its customer text + subject). */
  vectors: Array<Map<string, number>>;
}

const tokens = (t: string) =>
  words(t)
    .filter((w) => w.length > 2 && w !== '<num>')
    .map(stem);

function tf(t: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of tokens(t)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function weigh(counts: Map<string, number>, idf: Map<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [w, c] of counts) {
    const x = (1 + Math.log(c)) * (idf.get(w) ?? 0);
    if (x > 0) {
      v.set(w, x);
      norm += x * x;
    }
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

/** Builds a TF-IDF index over the customer side of past replies (no paid embeddings needed). */
export function buildReplyIndex(replies: PastReply[]): ReplyIndex {
  const counts = replies.map((r) => tf(`${r.subject} ${r.customerText}`));
  const df = new Map<string, number>();
  for (const c of counts) for (const w of c.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = replies.length;
  const idf = new Map([...df].map(([w, d]) => [w, Math.log((n + 1) / (d + 1)) + 1]));
  return { replies, idf, vectors: counts.map((c) => weigh(c, idf)) };
}

/** The `k` past replies whose customer messages are most similar (cosine) to `text`; zero-similarity ones are left out. */
export function similarReplies(index: ReplyIndex, text: string, k = 3): Array<{ reply: PastReply; score: number }> {
  const q = weigh(tf(text), index.idf);
  const scored: Array<{ reply: PastReply; score: number }> = [];
  index.vectors.forEach((v, i) => {
    let s = 0;
    for (const [w, x] of q) s += x * (v.get(w) ?? 0);
    if (s > 0) scored.push({ reply: index.replies[i]!, score: Math.round(s * 1000) / 1000 });
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, k);
}

export interface ImportResult {
  rows: PastReply[];
  rejected: Array<{ line: number; reason: string }>;
}

const ALIASES = {
  id: ['id', 'ticket id', 'ticket_id', 'ticketid'],
  subject: ['subject', 'ticket subject'],
  customer: [
    'customer message',
    'customer_message',
    'first message',
    'first_message',
    'message',
    'body',
    'question',
    'customer text',
  ],
  reply: ['agent reply', 'agent_reply', 'reply', 'response', 'last agent message', 'last_agent_message', 'answer'],
  tags: ['tags', 'ticket tags'],
  created: ['created', 'created at', 'created_at', 'created datetime', 'date'],
} as const;

function pick(row: Record<string, unknown>, names: readonly string[]): string {
  for (const [k, v] of Object.entries(row)) {
    if (names.includes(k.trim().toLowerCase()) && v != null && String(v).trim()) return String(v).trim();
  }
  return '';
}

function splitTags(v: unknown): string[] {
  if (Array.isArray(v))
    return v
      .map((t) => (typeof t === 'object' && t && 'name' in t ? String((t as { name: unknown }).name) : String(t)))
      .filter(Boolean);
  return String(v ?? '')
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Gorgias API ticket shape: messages with `from_agent` and `body_text` (the JSON export). */
interface GorgiasJsonTicket {
  id?: unknown;
  subject?: unknown;
  tags?: unknown;
  created_datetime?: unknown;
  messages?: Array<{ from_agent?: unknown; body_text?: unknown; public?: unknown }>;
}

function fromJsonTicket(t: GorgiasJsonTicket, line: number): PastReply | string {
  if (Array.isArray(t.messages)) {
    const pub = t.messages.filter((m) => m.public !== false);
    const firstCustomer = pub.find((m) => m.from_agent === false || m.from_agent === undefined);
    const lastAgent = [...pub].reverse().find((m) => m.from_agent === true);
    if (!firstCustomer?.body_text) return 'no customer message';
    if (!lastAgent?.body_text) return 'no agent reply';
    return {
      id: String(t.id ?? `line-${line}`),
      subject: String(t.subject ?? ''),
      customerText: String(firstCustomer.body_text),
      replyText: String(lastAgent.body_text),
      tags: splitTags(t.tags),
      createdAt: t.created_datetime ? String(t.created_datetime) : null,
    };
  }
  return fromFlat(t as Record<string, unknown>, line);
}

function fromFlat(row: Record<string, unknown>, line: number): PastReply | string {
  const customerText = pick(row, ALIASES.customer);
  const replyText = pick(row, ALIASES.reply);
  if (!customerText) return 'no customer message column/value';
  if (!replyText) return 'no agent reply column/value';
  return {
    id: pick(row, ALIASES.id) || `line-${line}`,
    subject: pick(row, ALIASES.subject),
    customerText,
    replyText,
    tags: splitTags(pick(row, ALIASES.tags)),
    createdAt: pick(row, ALIASES.created) || null,
  };
}

/**
 * Imports past replies from a Gorgias export: CSV (one row per ticket, columns matched by common
 * names) or JSON (an array of tickets, API shape with `messages[].from_agent/body_text`, or flat
 * objects). Returns the rows and every rejected row with its line (CSV: file line incl. header;
 * JSON: 1-based array position) and reason. Duplicate ids keep the first.
 */
export function importPastReplies(
  content: string,
  format: 'csv' | 'json' = content.trimStart().startsWith('[') || content.trimStart().startsWith('{') ? 'json' : 'csv',
): ImportResult {
  const rows: PastReply[] = [];
  const rejected: Array<{ line: number; reason: string }> = [];
  const seen = new Set<string>();
  const accept = (r: PastReply | string, line: number) => {
    if (typeof r === 'string') rejected.push({ line, reason: r });
    else if (seen.has(r.id)) rejected.push({ line, reason: `duplicate ticket id ${r.id}` });
    else {
      seen.add(r.id);
      rows.push(r);
    }
  };
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (e) {
      return { rows, rejected: [{ line: 0, reason: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    }
    const list = Array.isArray(parsed)
      ? parsed
      : Array.isArray((parsed as { data?: unknown }).data)
        ? (parsed as { data: unknown[] }).data
        : null;
    if (!list) return { rows, rejected: [{ line: 0, reason: 'expected an array of tickets (or {"data": [...]})' }] };
    list.forEach((t, i) => {
      accept(t && typeof t === 'object' ? fromJsonTicket(t as GorgiasJsonTicket, i + 1) : 'not an object', i + 1);
    });
    return { rows, rejected };
  }
  const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: 'greedy' });
  // Papa reports row-level errors by data-row index; map them to file lines (header is line 1).
  const errors = new Map<number, string>();
  for (const e of parsed.errors) if (e.row != null) errors.set(e.row, e.message);
  let line = 1;
  parsed.data.forEach((row, i) => {
    line += 1;
    // Quoted multi-line cells span several file lines; count them so reported lines stay true.
    const err = errors.get(i);
    if (err) rejected.push({ line, reason: `CSV error: ${err}` });
    else accept(fromFlat(row, line), line);
    for (const v of Object.values(row)) line += (String(v).match(/\n/g) ?? []).length;
  });
  return { rows, rejected };
}

/** Chips for the past replies a model draft was written from (label shows the ticket and similarity). */
export function pastReplyCitations(similar: Array<{ reply: PastReply; score: number }>): Citation[] {
  return similar.map(({ reply, score }) => ({
    kind: 'past_reply' as const,
    label: `Past reply #${reply.id} (${Math.round(score * 100)}% similar)`,
    value: reply.replyText.slice(0, 2000),
  }));
}
