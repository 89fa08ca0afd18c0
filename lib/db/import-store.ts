/**
 * Imports into Dexie: the fast import path of the planner's Web Worker: rows are stored while the file is still being
 * parsed (chunks go to IndexedDB as they are built), each chunk is one `bulkPut`, and what a
 * chunk needs to know about the rows already stored is found the cheapest way for the table's
 * state:
 * - `empty`: the table holds nothing, so every row is new — no reads at all;
 * - `scan`: the file is large next to the table (a re-import), so the table is read once in
 *   primary-key pages (IndexedDB `getAll`, several times cheaper per row than a `get` per key) into
 *   id → content hash, concurrently with parsing;
 * - `lookup`: a small file into a large table, so only the chunk's ids are fetched;
 * - `memory`: the caller holds every stored row (the worker's sales lines after an import or a
 *   plan) and the table has exactly as many rows, so nothing is read.
 * A row is written only when it is new or its content differs, so the same file twice writes
 * nothing. Counts are exact also when a file repeats an id (last one wins, as in `ImportSession`).
 */
import type { Table } from 'dexie';
import { hash53 } from '../import/hash';
import type { SourceId } from '../planning/import/sources';
import type { RecordSink } from '../planning/import/stream';
import type { CounterpartDB } from './schema';

/** The Dexie table each import source fills (sales lines: packed, through `SalesLineSink` in sales-lines.ts). */
export const TABLE_OF_SOURCE = {
  'shopify-orders': 'salesPacks',
  'amazon-orders': 'salesPacks',
  'shopify-inventory': 'inventoryCounts',
  'fba-inventory': 'inventoryCounts',
  '3pl-onhand': 'inventoryCounts',
  suppliers: 'suppliers',
  calendar: 'calendar',
  budget: 'budgets',
  bundles: 'bundles',
  products: 'skuCatalog',
} as const satisfies Record<SourceId, keyof CounterpartDB>;

/** A table an import fills one row per record (`TableSink`); sales lines are packed instead. */
export type PlanningTable = Exclude<(typeof TABLE_OF_SOURCE)[SourceId], 'salesPacks'>;

/** The row type of a planning table (`InventoryCount` for `inventoryCounts`, …), as the database declares it. */
export type RowOf<N extends PlanningTable> = Extract<
  CounterpartDB[N] extends Table<infer R, string> ? R : never,
  { id: string }
>;

/** What an import did to a table. */
export interface StoreCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A planning table typed by its row. */
function tableOf<N extends PlanningTable>(database: CounterpartDB, name: N): Table<RowOf<N>, string> {
  return database.table<RowOf<N>, string>(name);
}

/** How a sink finds out what is already stored (see the module comment). */
export type SinkMode = 'empty' | 'scan' | 'lookup' | 'memory';

/** Hash of a row's content; stored rows keep the property order they were written with, so equal rows give equal text. */
export function contentHash(row: unknown): number {
  return hash53(JSON.stringify(row));
}

const ABSENT = -1;
const SCAN_PAGE = 10_000;
/** A file at least this share of the stored rows reads the whole table once instead of per-key lookups (a `get` costs ~3–5 `getAll` rows). */
const SCAN_SHARE = 0.2;

export interface SinkOptions<T> {
  /** Records expected from the file (e.g. estimated from its size); picks `scan` or `lookup` for a non-empty table. */
  expected?: number;
  /** Rows per `bulkPut` (one transaction each). */
  chunk?: number;
  /** Forces a mode (tests, benchmarks). */
  mode?: SinkMode;
  /**
   * Every row the table holds, by id, when the caller keeps them (compared instead of reading the
   * table; used only when it holds as many rows as the table). The sink does not change it.
   */
  stored?: ReadonlyMap<string, unknown>;
  /** Called with the rows actually written (new or changed), in write order. */
  onWritten?: (rows: readonly T[]) => void;
}

/**
 * Receives records in file order and stores them in chunks; `finish()` waits for the last write
 * and returns the counts. Writes run one after another on a promise chain so the parser can go
 * on while IndexedDB works.
 */
export class TableSink<T extends { id: string } = { id: string }> implements RecordSink<T> {
  readonly counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0 };
  /** Records handled (compared and, when needed, written). */
  processed = 0;
  /** Rows written. */
  written = 0;
  private buffer = new Map<string, T>();
  private late: T[] = [];
  private readonly seen = new Set<string>();
  /** Pre-import content hash of ids this import changed (lookup and memory modes; `scan` keeps the whole table's). */
  private readonly changedPre = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();
  /** One promise per queued chunk, oldest first (settled ones are removed). */
  private readonly inFlight: Promise<void>[] = [];
  private failure: unknown = null;
  private readonly chunk: number;

  private readonly table: Table<T, string>;

  private constructor(
    database: CounterpartDB,
    table: PlanningTable,
    readonly mode: SinkMode,
    private readonly storedHash: Promise<Map<string, number>> | null,
    private readonly options: SinkOptions<T>,
  ) {
    this.table = database.table<T, string>(table);
    this.chunk = options.chunk ?? 10_000;
    // A scan that fails surfaces at the first chunk that awaits it; this only keeps it from being reported unhandled.
    storedHash?.catch(() => undefined);
  }

  /** Opens a sink on a table, choosing the mode from how many rows it holds and how many are expected. */
  static async open<N extends PlanningTable>(
    database: CounterpartDB,
    table: N,
    options: SinkOptions<RowOf<N>> = {},
  ): Promise<TableSink<RowOf<N>>> {
    const stored = await database.table(table).count();
    const mode: SinkMode =
      options.mode ??
      (stored === 0
        ? 'empty'
        : options.stored?.size === stored
          ? 'memory'
          : (options.expected ?? 0) >= stored * SCAN_SHARE
            ? 'scan'
            : 'lookup');
    const scan = mode === 'scan' ? scanHashes(database, table) : null;
    return new TableSink<RowOf<N>>(database, table, mode, scan, options);
  }

  /** Chunks waiting or being written; the parser pauses while this is high. */
  get backlog(): number {
    return this.inFlight.length;
  }

  /** Distinct ids received so far. */
  get received(): number {
    return this.seen.size;
  }

  /** Resolves when the oldest queued chunk is written (at once when none is queued). */
  nextWritten(): Promise<void> {
    return this.inFlight[0] ?? Promise.resolve();
  }

  /** The first write error, if any (the import stops at it). */
  get error(): unknown {
    return this.failure;
  }

  /** Takes one record. A repeated id replaces its earlier record (last one wins). */
  add(record: T): void {
    if (this.seen.has(record.id)) {
      if (this.buffer.has(record.id)) this.buffer.set(record.id, record);
      else this.late.push(record);
    } else {
      this.seen.add(record.id);
      this.buffer.set(record.id, record);
    }
    if (this.buffer.size >= this.chunk) this.flush();
  }

  /** Queues what is buffered for writing. */
  flush(): void {
    if (this.buffer.size === 0 && this.late.length === 0) return;
    const rows = [...this.buffer.values()];
    const late = this.late;
    this.buffer = new Map();
    this.late = [];
    const done: Promise<void> = this.chain
      .then(() => (this.failure ? undefined : this.store(rows, late)))
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.inFlight.splice(this.inFlight.indexOf(done), 1);
      });
    this.inFlight.push(done);
    this.chain = done;
  }

  /** Resolves when everything queued so far is written. */
  drained(): Promise<void> {
    return this.chain;
  }

  /** Writes what is left and returns the counts; rejects with the first write error. */
  async finish(): Promise<StoreCounts> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
    return { ...this.counts };
  }

  private async store(rows: T[], late: T[]): Promise<void> {
    const t = this.table;
    const write: T[] = [];
    if (this.mode === 'empty') {
      this.counts.inserted += rows.length;
      write.push(...rows);
    } else if (this.mode === 'scan') {
      const stored = await this.storedHash!;
      for (const r of rows) {
        const h = stored.get(r.id);
        if (h === undefined) {
          this.counts.inserted += 1;
          write.push(r);
        } else if (h === contentHash(r)) this.counts.unchanged += 1;
        else {
          this.counts.updated += 1;
          write.push(r);
        }
      }
    } else {
      const memory = this.options.stored;
      const old =
        this.mode === 'memory' && memory ? rows.map((r) => memory.get(r.id)) : await t.bulkGet(rows.map((r) => r.id));
      rows.forEach((r, i) => {
        const o = old[i];
        if (!o) {
          this.counts.inserted += 1;
          this.changedPre.set(r.id, ABSENT);
          write.push(r);
          return;
        }
        const before = JSON.stringify(o);
        if (before === JSON.stringify(r)) this.counts.unchanged += 1;
        else {
          this.counts.updated += 1;
          this.changedPre.set(r.id, hash53(before));
          write.push(r);
        }
      });
    }
    if (write.length) await t.bulkPut(write);
    this.written += write.length;
    if (write.length) this.options.onWritten?.(write);
    for (const r of late) await this.storeRepeat(r);
    this.processed += rows.length + late.length;
  }

  /**
   * A record whose id an earlier chunk already handled: it replaces that record, and the counts
   * move so they compare the final record with what was stored before this import.
   */
  private async storeRepeat(r: T): Promise<void> {
    const t = this.table;
    const current = await t.get(r.id);
    const cur = current ? contentHash(current) : ABSENT;
    let pre: number;
    if (this.mode === 'empty') pre = ABSENT;
    else if (this.mode === 'scan') pre = (await this.storedHash!).get(r.id) ?? ABSENT;
    else pre = this.changedPre.get(r.id) ?? cur; // lookup, memory
    const next = contentHash(r);
    const classOf = (h: number): keyof StoreCounts =>
      pre === ABSENT ? 'inserted' : pre === h ? 'unchanged' : 'updated';
    this.counts[classOf(cur)] -= 1;
    this.counts[classOf(next)] += 1;
    if ((this.mode === 'lookup' || this.mode === 'memory') && !this.changedPre.has(r.id) && next !== pre)
      this.changedPre.set(r.id, pre);
    if (next !== cur) {
      await t.put(r);
      this.written += 1;
      this.options.onWritten?.([r]);
    }
  }
}

/** Reads a table once in primary-key pages into id → content hash. */
export async function scanHashes(database: CounterpartDB, table: PlanningTable): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await readPages(database, table, (page) => {
    for (const row of page) out.set(row.id, contentHash(row));
  });
  return out;
}

/** Every row of a table, read in primary-key pages of 10k so no single IndexedDB answer holds a 500k-row table (measured: as fast as one `toArray`). */
export async function readAllRows<N extends PlanningTable>(database: CounterpartDB, table: N): Promise<RowOf<N>[]> {
  const out: RowOf<N>[] = [];
  await readPages(database, table, (page) => {
    for (const row of page) out.push(row);
  });
  return out;
}

async function readPages<N extends PlanningTable>(
  database: CounterpartDB,
  table: N,
  onPage: (page: RowOf<N>[]) => void,
): Promise<void> {
  const t = tableOf(database, table);
  let last: string | null = null;
  for (;;) {
    const page: RowOf<N>[] =
      last === null ? await t.limit(SCAN_PAGE).toArray() : await t.where(':id').above(last).limit(SCAN_PAGE).toArray();
    onPage(page);
    if (page.length < SCAN_PAGE) return;
    last = page[page.length - 1]!.id;
  }
}
