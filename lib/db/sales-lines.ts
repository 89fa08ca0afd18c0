/**
 * Sales lines, stored packed: many lines of one SKU per IndexedDB record (`salesPacks`), because
 * IndexedDB costs about the same per record whatever its size (500k lines one per record took
 * 115–146 s to write in Chromium; 100 per record, ~4 s). Every reader and writer of sales lines
 * goes through this module; the lines themselves keep their shape (`OrderLine`) and their ids.
 *
 * A pack holds up to `PACK_LINES` lines of one SKU, in the order they arrived; its id is the SKU
 * and a sequence number, so a SKU's lines are read through the `sku` index alone. A line id lives
 * in exactly one pack.
 */
import { z } from 'zod';
import { KeyIndex } from '../import/id-index';
import type { OrderLine } from '../planning/import/types';
import { contentHash, type StoreCounts } from './import-store';
import { ROW_SCHEMAS } from './row-schemas';
import type { CounterpartDB } from './schema';

/**
 * Lines per pack: a pack of 100 lines is ~10 kB as stored, read and written as one record. Small
 * enough that a large import fills packs (and writes them) while it parses, instead of writing
 * them all at the end (at 500, a 500k-line export of 2,000 SKUs filled none before its last row);
 * large enough that the per-record cost of IndexedDB stays small (100 per record stored 500k
 * lines 25–28× faster than one per record).
 */
export const PACK_LINES = 100;
/** The most lines a stored pack may hold (packs of up to 500 were written before). */
export const MAX_PACK_LINES = 500;
/** Packs per read page (~250k lines at most per IndexedDB answer). */
const PAGE_PACKS = 500;

/** A pack in memory: its lines as objects. */
export interface Pack {
  /** `${sku}\u001f${seq}`, seq zero-padded so a SKU's packs sort in order. */
  id: string;
  sku: string;
  lines: OrderLine[];
}

/**
 * One stored record of the `salesPacks` table: a pack's lines as JSON columns (`cols`, `n` lines;
 * what imports write: half the bytes of line objects, and cloned into IndexedDB and back in about
 * half the time, as there are no property names per line to write and read), or as line objects
 * (`lines`: what the v5 upgrade wrote). Readers take both (`unpack`).
 */
export interface SalesPack {
  id: string;
  sku: string;
  n?: number;
  cols?: string;
  lines?: OrderLine[];
}

/** The columns of a stored pack, in this order; every line's `sku` is the pack's. */
const COLUMNS = [
  'id',
  'source',
  'channel',
  'orderId',
  'day',
  'qty',
  'unitPrice',
  'currency',
  'country',
  'excluded',
] as const;

/** A pack as stored: its lines as JSON columns. */
export function encodePack(pack: Pack): SalesPack {
  const lines = pack.lines;
  const n = lines.length;
  const cols = COLUMNS.map(() => new Array<unknown>(n));
  const [id, source, channel, orderId, day, qty, unitPrice, currency, country, excluded] = cols as unknown[][] as [
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
  ];
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    id[i] = l.id;
    source[i] = l.source;
    channel[i] = l.channel;
    orderId[i] = l.orderId;
    day[i] = l.day;
    qty[i] = l.qty;
    unitPrice[i] = l.unitPrice;
    currency[i] = l.currency;
    country[i] = l.country;
    excluded[i] = l.excluded;
  }
  return { id: pack.id, sku: pack.sku, n, cols: JSON.stringify(cols) };
}

/**
 * A stored pack's lines as objects, with the property order an import gives them (content hashes
 * compare the JSON text of lines). Stored packs are checked with `salesPackSchema` where they come
 * from outside (restores check their lines one by one before packing them).
 */
export function unpack(stored: SalesPack): Pack {
  if (stored.lines) return { id: stored.id, sku: stored.sku, lines: stored.lines };
  const n = stored.n ?? 0;
  const [id, source, channel, orderId, day, qty, unitPrice, currency, country, excluded] = JSON.parse(
    stored.cols ?? '[]',
  ) as [
    string[],
    OrderLine['source'][],
    OrderLine['channel'][],
    string[],
    string[],
    number[],
    (number | null)[],
    (string | null)[],
    (string | null)[],
    OrderLine['excluded'][],
  ];
  const sku = stored.sku;
  const lines = new Array<OrderLine>(n);
  for (let i = 0; i < n; i++)
    lines[i] = {
      id: id[i]!,
      source: source[i]!,
      channel: channel[i]!,
      orderId: orderId[i]!,
      day: day[i]!,
      sku,
      qty: qty[i]!,
      unitPrice: unitPrice[i] ?? null,
      currency: currency[i] ?? null,
      country: country[i] ?? null,
      excluded: excluded[i] ?? null,
    };
  return { id: stored.id, sku, lines };
}

/** The zod schema of a pack in memory (what `unpack` gives; restored lines are checked one by one like every table's rows). */
export const salesPackSchema = z.object({
  id: z.string().min(1).max(400),
  sku: z.string().max(200),
  lines: z.array(ROW_SCHEMAS.salesLines).max(MAX_PACK_LINES),
});

export function packId(sku: string, seq: number): string {
  return `${sku}\u001f${String(seq).padStart(6, '0')}`;
}

function seqOf(id: string): number {
  return Number(id.slice(id.lastIndexOf('\u001f') + 1));
}

/** Lines grouped by SKU (in first-seen order) into packs, numbering each SKU's packs from `nextSeq` (default 0). */
export function packLines(lines: readonly OrderLine[], nextSeq: Map<string, number> = new Map()): Pack[] {
  const bySku = new Map<string, OrderLine[]>();
  for (const l of lines) {
    const list = bySku.get(l.sku);
    if (list) list.push(l);
    else bySku.set(l.sku, [l]);
  }
  const packs: Pack[] = [];
  for (const [sku, list] of bySku) {
    let seq = nextSeq.get(sku) ?? 0;
    for (let i = 0; i < list.length; i += PACK_LINES)
      packs.push({ id: packId(sku, seq++), sku, lines: list.slice(i, i + PACK_LINES) });
    nextSeq.set(sku, seq);
  }
  return packs;
}

/** Every pack, read in primary-key pages. */
export async function readPacks(database: CounterpartDB, onPage: (page: Pack[]) => void): Promise<void> {
  const t = database.salesPacks;
  let last: string | null = null;
  for (;;) {
    const page: SalesPack[] =
      last === null
        ? await t.limit(PAGE_PACKS).toArray()
        : await t.where(':id').above(last).limit(PAGE_PACKS).toArray();
    onPage(page.map(unpack));
    if (page.length < PAGE_PACKS) return;
    last = page[page.length - 1]!.id;
  }
}

/** Every stored sales line. */
export async function readSalesLines(database: CounterpartDB): Promise<OrderLine[]> {
  const out: OrderLine[] = [];
  await readPacks(database, (page) => {
    for (const p of page) for (const l of p.lines) out.push(l);
  });
  return out;
}

/** The stored sales lines of some SKUs (through the `sku` index). */
export async function readSalesLinesOf(database: CounterpartDB, skus: readonly string[]): Promise<OrderLine[]> {
  const packs = await database.salesPacks
    .where('sku')
    .anyOf([...skus])
    .toArray();
  return packs.flatMap((p) => unpack(p).lines);
}

/** One stored line by id (reads every pack: for tests and rare look-ups). */
export async function getSalesLine(database: CounterpartDB, id: string): Promise<OrderLine | undefined> {
  let found: OrderLine | undefined;
  await readPacks(database, (page) => {
    for (const p of page) for (const l of p.lines) if (l.id === id) found = l;
  });
  return found;
}

/** How many lines are stored (reads every pack). */
export async function countSalesLines(database: CounterpartDB): Promise<number> {
  let n = 0;
  await readPacks(database, (page) => {
    for (const p of page) n += p.lines.length;
  });
  return n;
}

/** True when any sales line is stored (a pack is never stored empty). */
export async function hasSalesLines(database: CounterpartDB): Promise<boolean> {
  return (await database.salesPacks.count()) > 0;
}

/** Replaces every stored line with `lines` (a restore); call inside a transaction over `salesPacks` to make it atomic. */
export async function replaceSalesLines(database: CounterpartDB, lines: readonly OrderLine[]): Promise<void> {
  await database.salesPacks.clear();
  await database.salesPacks.bulkAdd(packLines(lines).map(encodePack));
}

/** Adds or replaces lines by id (last one wins), keeping every other stored line. */
export async function putSalesLines(database: CounterpartDB, lines: readonly OrderLine[]): Promise<StoreCounts> {
  const sink = await SalesLineSink.open(database);
  for (const l of lines) sink.add(l);
  return sink.finish();
}

export interface SalesSinkOptions {
  /** Lines per processing step (the parser pauses while steps are queued). */
  chunk?: number;
  /** Called with the lines that are new or changed, in order. */
  onWritten?: (rows: readonly OrderLine[]) => void;
  /**
   * Every stored line by id, when the caller holds them all (the planner worker after an import
   * or a plan): lines are compared with these instead of reading every pack, and only the packs
   * of SKUs with a new or changed line are read.
   */
  stored?: { get(id: string): OrderLine | undefined };
}

/**
 * The import sink of sales lines (a `RecordSink`): lines go into their SKU's open pack; a pack is
 * written once it is full, the rest at `finish()`, so each line is written about once. An import
 * into a table that holds lines first reads every pack (a few thousand records, concurrently with
 * parsing) to know which lines are stored and their content: a line is rewritten only when new or
 * changed, so the same file twice writes nothing. Counts compare each distinct id's final line
 * with what was stored before the import (a repeated id: last one wins).
 */
export class SalesLineSink {
  /** `empty`: nothing stored, no reads; `scan`: every pack read once; `memory`: see `stored`. */
  readonly mode: 'empty' | 'scan' | 'memory';
  readonly counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0 };
  processed = 0;
  /** Lines written (new or changed lines, counted when their pack is written). */
  written = 0;
  private buffer: OrderLine[] = [];
  /**
   * Every id this sink knows (stored or received), numbered; by number: the id, the pack the line
   * sits in and its index there (no pack: not placed), whether this import received it.
   */
  private readonly ids: string[] = [];
  private readonly keys = new KeyIndex((k) => this.ids[k]!);
  private readonly slotPack: (Pack | undefined)[] = [];
  private readonly slotIndex: number[] = [];
  private readonly got: boolean[] = [];
  /** Numbers of the ids this import received, first-seen order. */
  private readonly seen: number[] = [];
  /** Content hash before this import of each stored line (scan mode). */
  private readonly before = new Map<string, number>();
  /** Content hash of lines this import replaced, as they are now. */
  private readonly now = new Map<string, number>();
  /** Each SKU's pack that takes new lines, and the next sequence number. */
  private readonly open = new Map<string, Pack>();
  private readonly nextSeq = new Map<string, number>();
  /** Packs changed and not yet written, with how many of their lines are new or changed. */
  private readonly dirty = new Map<Pack, number>();
  /** SKUs whose packs are read (memory mode reads them as needed). */
  private readonly loadedSkus = new Set<string>();
  private chain: Promise<void>;
  private readonly inFlight: Promise<void>[] = [];
  private failure: unknown = null;
  private readonly chunk: number;

  private constructor(
    private readonly database: CounterpartDB,
    stored: number,
    private readonly options: SalesSinkOptions,
  ) {
    this.mode = stored === 0 ? 'empty' : options.stored ? 'memory' : 'scan';
    this.chunk = options.chunk ?? 10_000;
    this.chain = this.mode === 'scan' ? this.load() : Promise.resolve();
    this.chain.catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  static async open(database: CounterpartDB, options: SalesSinkOptions = {}): Promise<SalesLineSink> {
    return new SalesLineSink(database, await database.salesPacks.count(), options);
  }

  private async load(): Promise<void> {
    await readPacks(this.database, (page) => {
      for (const pack of page) this.register(pack);
    });
    this.keepLastOpen();
  }

  /** Knows a stored pack: where its lines sit, their content before the import, the SKU's next sequence. */
  private register(pack: Pack): void {
    this.loadedSkus.add(pack.sku);
    pack.lines.forEach((l, index) => {
      this.setSlot(this.number(l.id), pack, index);
      if (!this.before.has(l.id)) this.before.set(l.id, contentHash(l));
    });
    const seq = seqOf(pack.id);
    if (seq + 1 > (this.nextSeq.get(pack.sku) ?? 0)) this.nextSeq.set(pack.sku, seq + 1);
    const cur = this.open.get(pack.sku);
    if (pack.lines.length < PACK_LINES && (!cur || seqOf(cur.id) < seq)) this.open.set(pack.sku, pack);
  }

  /** Only a SKU's last pack takes new lines. */
  private keepLastOpen(): void {
    for (const [sku, pack] of this.open) if (seqOf(pack.id) !== (this.nextSeq.get(sku) ?? 0) - 1) this.open.delete(sku);
  }

  /** Memory mode: reads a SKU's packs the first time one of its lines is new or changed. */
  private async loadSku(sku: string): Promise<void> {
    if (this.loadedSkus.has(sku)) return;
    this.loadedSkus.add(sku);
    for (const pack of await this.database.salesPacks.where('sku').equals(sku).toArray()) this.register(unpack(pack));
    this.keepLastOpen();
  }

  get backlog(): number {
    return this.inFlight.length;
  }

  get received(): number {
    return this.seen.length;
  }

  /** The number of an id, numbering it when new. */
  private number(id: string): number {
    const k = this.keys.add(id);
    if (k === this.ids.length) {
      this.ids.push(id);
      this.slotPack.push(undefined);
      this.slotIndex.push(-1);
      this.got.push(false);
    }
    return k;
  }

  private setSlot(k: number, pack: Pack, index: number): void {
    this.slotPack[k] = pack;
    this.slotIndex[k] = index;
  }

  nextWritten(): Promise<void> {
    return this.inFlight[0] ?? Promise.resolve();
  }

  get error(): unknown {
    return this.failure;
  }

  add(record: OrderLine): void {
    if (typeof record.id !== 'string' || record.id === '' || typeof record.sku !== 'string') {
      this.failure ??= new Error('A sales line without an id or SKU cannot be stored');
      return;
    }
    const k = this.number(record.id);
    if (!this.got[k]) {
      this.got[k] = true;
      this.seen.push(k);
    }
    this.buffer.push(record);
    if (this.buffer.length >= this.chunk) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    this.queue(() => this.place(rows, false));
  }

  drained(): Promise<void> {
    return this.chain;
  }

  async finish(): Promise<StoreCounts> {
    this.flush();
    this.queue(() => this.place([], true));
    await this.chain;
    if (this.failure) throw this.failure;
    return { ...this.counts };
  }

  private queue(step: () => Promise<void>): void {
    const done: Promise<void> = this.chain
      .then(() => (this.failure ? undefined : step()))
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.inFlight.splice(this.inFlight.indexOf(done), 1);
      });
    this.inFlight.push(done);
    this.chain = done;
  }

  private markDirty(pack: Pack): void {
    this.dirty.set(pack, (this.dirty.get(pack) ?? 0) + 1);
  }

  /** Puts lines into their packs, then writes the full dirty packs (all dirty ones at the end). */
  private async place(rows: OrderLine[], last: boolean): Promise<void> {
    const changed: OrderLine[] = [];
    for (const r of rows) {
      const k = this.keys.find(r.id);
      if (this.mode === 'memory' && this.slotPack[k] === undefined) {
        const old = this.options.stored?.get(r.id);
        if (old) {
          const pre = contentHash(old);
          if (!this.before.has(r.id)) this.before.set(r.id, pre);
          // Unchanged (and not replaced earlier in this import, which would have a slot): nothing to do.
          if (contentHash(r) === pre) continue;
          await this.loadSku(old.sku);
        }
        await this.loadSku(r.sku);
      }
      const slotPack = this.slotPack[k];
      if (slotPack && slotPack.sku === r.sku) {
        const h = contentHash(r);
        const index = this.slotIndex[k]!;
        if (h === (this.now.get(r.id) ?? contentHash(slotPack.lines[index]))) continue;
        slotPack.lines[index] = r;
        this.now.set(r.id, h);
        this.markDirty(slotPack);
        changed.push(r);
        continue;
      }
      if (slotPack) {
        // Same id under another SKU: it moves to that SKU's packs.
        this.now.set(r.id, contentHash(r));
        const index = this.slotIndex[k]!;
        slotPack.lines.splice(index, 1);
        for (let i = index; i < slotPack.lines.length; i++) this.slotIndex[this.keys.find(slotPack.lines[i]!.id)] = i;
        this.markDirty(slotPack);
      }
      let pack = this.open.get(r.sku);
      if (!pack || pack.lines.length >= PACK_LINES) {
        const seq = this.nextSeq.get(r.sku) ?? 0;
        this.nextSeq.set(r.sku, seq + 1);
        pack = { id: packId(r.sku, seq), sku: r.sku, lines: [] };
        this.open.set(r.sku, pack);
      }
      this.setSlot(k, pack, pack.lines.length);
      pack.lines.push(r);
      this.markDirty(pack);
      changed.push(r);
    }
    const write: Pack[] = [];
    const remove: string[] = [];
    let lines = 0;
    for (const [pack, n] of this.dirty) {
      if (!last && pack.lines.length < PACK_LINES) continue;
      if (pack.lines.length === 0) remove.push(pack.id);
      else write.push(pack);
      lines += n;
      this.dirty.delete(pack);
    }
    if (write.length || remove.length) {
      await this.database.transaction('rw', this.database.salesPacks, async () => {
        if (remove.length) await this.database.salesPacks.bulkDelete(remove);
        if (write.length) await this.database.salesPacks.bulkPut(write.map(encodePack));
      });
    }
    this.written += lines;
    this.processed += rows.length;
    if (changed.length) this.options.onWritten?.(changed);
    if (last) this.count();
  }

  private count(): void {
    for (const k of this.seen) {
      const id = this.ids[k]!;
      const pre = this.before.get(id);
      if (pre === undefined) this.counts.inserted += 1;
      else if ((this.now.get(id) ?? pre) === pre) this.counts.unchanged += 1;
      else this.counts.updated += 1;
    }
  }
}
