import Papa from 'papaparse';
import type { z } from 'zod';
import { IdIndex } from './id-index';
import { type Delimiter, detectDelimiter, sniffBlob, type TextEncoding } from './sniff';

// The locale number parser lives in its own module so content scripts can use it without Papa Parse.

/** One column a source knows: the header names it goes by in real exports, and whether a row needs it. */
export interface FieldSpec {
  aliases: readonly string[];
  required?: boolean;
  /** The column holds dates: slash dates in it are read in the file's one day/month order. */
  date?: boolean;
}

/** How a file writes `03/11/2026`: day first (3 November) or month first (March 11). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * What a row builder returns: a record, the reason the row is rejected, or why a row that is normal
 * for the export carries nothing to import (Shopify's image-only product rows) — skipped, not an error.
 */
export type BuildResult<T> = { record: T } | { reason: string } | { skip: string };

/** Options every import takes. */
export interface ImportOptions {
  /** User mapping for headers the source does not know: header text → field key, or `ignore`. Remembered per source by the UI. */
  userMapping?: Record<string, string>;
  /** When the file itself has no date (inventory exports), the day the counts were taken, YYYY-MM-DD. */
  asOf?: string;
  /** How many records to keep in `preview`. */
  previewRows?: number;
  /** Called after each parsed chunk. */
  onProgress?: (progress: ImportProgress) => void;
  /** Chunk size in bytes for streaming (default 1 MiB). */
  chunkSize?: number;
  /** The day/month order the user chose for a file whose dates do not tell (see `needsDateOrder`). */
  dateOrder?: DateOrder;
  /** The file's delimiter, when sniffed before parsing (else detected from the first rows). */
  delimiter?: Delimiter;
  /** The file's encoding, when sniffed (a File/Blob is then read with it). */
  encoding?: TextEncoding;
}

export interface ImportProgress {
  rows: number;
  /** Characters consumed so far (Papa's cursor); equals bytes for ASCII files. */
  bytes: number;
  /** Total size when known (File/Blob, string), else null. */
  totalBytes: number | null;
}

/** A source: how to recognise its columns and how to turn one mapped row into a record. */
export interface SourceSpec<K extends string, T> {
  id: string;
  label: string;
  /** Delimiter hint (`\t` for Amazon reports); Papa auto-detects when absent. */
  delimiter?: string;
  fields: Record<K, FieldSpec>;
  /** Makes a row builder; a closure so sources can carry state across rows (Shopify order fields). */
  rowBuilder(options: ImportOptions): (cells: Record<K, string>, line: number) => BuildResult<T>;
  /**
   * Optional, for sources of large files: a row builder that reads the raw row (cells untrimmed,
   * slash dates already in ISO order) through the header's column of each field (−1 when absent),
   * so no object of cells is made per row. It must give exactly what `rowBuilder` gives for the
   * same rows (a test runs both on every fixture); the import uses it when present.
   */
  arrayRowBuilder?(options: ImportOptions, columns: Record<K, number>): (row: string[], line: number) => BuildResult<T>;
}

/** A raw row's trimmed cell at a column (−1: the column is absent). */
export function cellAt(row: readonly string[], column: number): string {
  return column < 0 ? '' : (row[column] ?? '').trim();
}

export interface RejectedRow {
  /** 1-based record number in the file (the header is line 1 when it is the first row). */
  line: number;
  reason: string;
  /** The raw cells, truncated, so the report can show what was wrong. */
  raw: string[];
}

export interface ImportResult<T> {
  source: string;
  records: T[];
  preview: T[];
  rejected: RejectedRow[];
  /** Field key → the header that feeds it (null when absent). */
  mapping: Record<string, string | null>;
  /** Mapping of unknown headers actually applied (echo of the user mapping, to remember per source). */
  userMapping: Record<string, string>;
  unmappedHeaders: string[];
  missingRequired: string[];
  headerLine: number | null;
  rowsRead: number;
  /** Rows with the same id seen again in the same file (last one wins). */
  duplicates: number;
  /** Rows that are normal for the export but carry no record, by why (e.g. "image-only row"). */
  skipped: Record<string, number>;
  /** Set when nothing could be imported (no header found, required columns missing, duplicate columns, unknown date order). */
  fatal: string | null;
  /** The delimiter the file was read with. */
  delimiter: Delimiter | null;
  /** The encoding the file was read with, when known. */
  encoding: TextEncoding | null;
  /** The day/month order of the file's slash dates, and what decided it (null when it has none). */
  dateOrder: { order: DateOrder; decidedBy: 'file' | 'user'; evidence: string | null } | null;
  /** The file's dates could be day/month or month/day and nothing in it tells: ask the user, then import again. */
  needsDateOrder: { examples: string[] } | null;
}

/** Lower-cases and collapses spaces, dashes and underscores so `Lineitem SKU`, `lineitem_sku` and `lineitem-sku` match. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ');
}

interface HeaderMatch {
  columnOf: Map<string, number>;
  mapping: Record<string, string | null>;
  unmapped: string[];
  missing: string[];
  /** Fields named by more than one column: field key → the 1-based columns and their header texts. */
  duplicated: { key: string; columns: { index: number; header: string }[] }[];
  score: number;
}

/** Matches a header row against a source's aliases plus the user's mapping. */
export function matchHeader(
  row: string[],
  fields: Record<string, FieldSpec>,
  userMapping: Record<string, string> = {},
): HeaderMatch {
  const aliasToKey = new Map<string, string>();
  for (const [key, spec] of Object.entries(fields)) {
    aliasToKey.set(normalizeHeader(key), key);
    for (const alias of spec.aliases) aliasToKey.set(normalizeHeader(alias), key);
  }
  const user = new Map(Object.entries(userMapping).map(([h, k]) => [normalizeHeader(h), k]));
  const columnOf = new Map<string, number>();
  const unmapped: string[] = [];
  const dup = new Map<string, number[]>();
  let score = 0;
  row.forEach((cell, index) => {
    const norm = normalizeHeader(cell);
    if (!norm) return;
    const userKey = user.get(norm);
    const key = userKey ?? aliasToKey.get(norm);
    if (key === 'ignore') return;
    if (key && key in fields && !columnOf.has(key)) {
      columnOf.set(key, index);
      if (!userKey) score += 1;
    } else if (key && key in fields) {
      dup.set(key, [...(dup.get(key) ?? [columnOf.get(key) as number]), index]);
    } else if (!key) unmapped.push(cell.trim());
  });
  const duplicated = [...dup].map(([key, cols]) => ({
    key,
    columns: cols.map((i) => ({ index: i + 1, header: (row[i] ?? '').trim() })),
  }));
  const mapping: Record<string, string | null> = {};
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    const col = columnOf.get(key);
    mapping[key] = col === undefined ? null : (row[col] ?? '').trim();
    if (spec.required && col === undefined) missing.push(key);
  }
  return { columnOf, mapping, unmapped, missing, duplicated, score };
}

/** One readable sentence for columns that name the same field twice. */
export function duplicateColumnsReason(duplicated: HeaderMatch['duplicated'], label: string): string | null {
  if (duplicated.length === 0) return null;
  const parts = duplicated.map(
    (d) => `${d.columns.map((c) => `"${c.header}" (column ${c.index})`).join(' and ')} both give ${d.key}`,
  );
  return `${label}: ${parts.join('; ')}. Remove or rename one of them, or map it to "ignore", and import again`;
}

const SLASH_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?=$|[T\s,])/;

/** `/`, `.` or `-`. */
const isDateSeparator = (c: number) => c === 47 || c === 46 || c === 45;

/** A slash/dot date's two leading numbers and what they say about the order, or null when the cell is not one. */
function slashDate(cell: string): { says: DateOrder | 'either' | 'neither' } | null {
  // The separator of a slash date is the 2nd or 3rd character: skips the regex for ISO days (every row of large exports).
  if (!isDateSeparator(cell.charCodeAt(1)) && !isDateSeparator(cell.charCodeAt(2))) return null;
  const m = SLASH_DATE.exec(cell);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  // Dots are the day-first convention (03.11.2026 in German, Swiss, Nordic exports).
  if (m[2] === '.') return { says: a >= 1 && a <= 31 && b >= 1 && b <= 12 ? 'dmy' : 'neither' };
  if (a < 1 || b < 1) return { says: 'neither' };
  const says = a > 12 && b <= 12 ? 'dmy' : b > 12 && a <= 12 ? 'mdy' : a <= 12 && b <= 12 ? 'either' : 'neither';
  return { says };
}

/** Rewrites a slash/dot date at the start of a cell as ISO (`2026-11-03…`) in the given order; other cells unchanged. */
export function normaliseSlashDate(cell: string, order: DateOrder): string {
  const m = SLASH_DATE.exec(cell);
  if (!m) return cell;
  const first = Number(m[1]);
  const second = Number(m[3]);
  const dayFirst = m[2] === '.' || order === 'dmy';
  const d = dayFirst ? first : second;
  const mo = dayFirst ? second : first;
  const yRaw = m[4] as string;
  const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return iso + cell.slice(m[0].length);
}

/** Turns zod issues into one readable reason naming the file's column. */
export function zodReason(error: z.ZodError, mapping: Record<string, string | null>): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '');
      const column = mapping[key] ?? key;
      return column ? `${column}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Incremental import: feed raw rows (arrays of cells) in file order; finds the header among the
 * first rows (reports may start with a title line), maps columns, builds and validates records.
 */
export class ImportSession<K extends string, T extends { id: string }> {
  private readonly byId = new IdIndex<T>();
  private readonly rejected: RejectedRow[] = [];
  private readonly skipped: Record<string, number> = {};
  private readonly pending: string[][] = [];
  private header: HeaderMatch | null = null;
  /** Field key → column index (−1 when absent), fixed once the header is found. */
  private columnPlan: [K, number][] = [];
  private headerLine: number | null = null;
  private build: ((cells: Record<K, string>, line: number) => BuildResult<T>) | null = null;
  private buildArray: ((row: string[], line: number) => BuildResult<T>) | null = null;
  private line = 0;
  private rowsRead = 0;
  private duplicates = 0;
  private fatal: string | null = null;
  /** Column indices of the source's date fields (set with the header). */
  private dateCols: number[] = [];
  private dateOrder: DateOrder | null;
  private decidedBy: 'file' | 'user' | null;
  /** The first cell that showed each order (`"13/11/2026" on line 5`), for the report and for contradictions. */
  private readonly evidence: Partial<Record<DateOrder, string>> = {};
  /** Rows from the first ambiguous date on, held until the file tells the order (kept in file order). */
  private held: [string[], number][] = [];
  private readonly ambiguousExamples: string[] = [];

  /**
   * @param onRecord called with every record built, in file order, repeated ids included (a
   *   streamed import stores them while parsing).
   */
  constructor(
    private readonly spec: SourceSpec<K, T>,
    private readonly options: ImportOptions = {},
    private readonly onRecord?: (record: T) => void,
  ) {
    this.dateOrder = options.dateOrder ?? null;
    this.decidedBy = options.dateOrder ? 'user' : null;
  }

  /** Feeds one raw row. */
  push(row: string[]): void {
    this.line += 1;
    if (this.fatal) return;
    if (!this.header) {
      this.pending.push(row);
      this.tryHeader(row);
      if (!this.header && this.pending.length >= HEADER_SEARCH_ROWS) {
        this.fatal = `no header row found in the first ${HEADER_SEARCH_ROWS} rows for ${this.spec.label}`;
      }
      return;
    }
    this.handle(row, this.line);
  }

  private tryHeader(row: string[]): void {
    const match = matchHeader(row, this.spec.fields, this.options.userMapping);
    const requiredCount = (Object.values(this.spec.fields) as FieldSpec[]).filter((f) => f.required).length;
    // A header row must name at least half of the required columns by their known names
    // (or via the user's mapping) — data rows never do.
    const named = match.columnOf.size;
    if (named === 0 || named < Math.max(1, Math.ceil(requiredCount / 2))) return;
    this.header = match;
    this.headerLine = this.line;
    this.columnPlan = (Object.keys(this.spec.fields) as K[]).map((key) => [key, match.columnOf.get(key) ?? -1]);
    if (match.missing.length > 0) {
      this.fatal = `missing required column(s) for ${this.spec.label}: ${match.missing.join(', ')}; map them to a column`;
      return;
    }
    const dup = duplicateColumnsReason(match.duplicated, this.spec.label);
    if (dup) {
      this.fatal = dup;
      return;
    }
    this.dateCols = (Object.entries(this.spec.fields) as [K, FieldSpec][])
      .filter(([key, f]) => f.date && match.columnOf.has(key))
      .map(([key]) => match.columnOf.get(key) as number);
    try {
      if (this.spec.arrayRowBuilder) {
        const columns = {} as Record<K, number>;
        for (const [key, col] of this.columnPlan) columns[key] = col;
        this.buildArray = this.spec.arrayRowBuilder(this.options, columns);
      } else this.build = this.spec.rowBuilder(this.options);
    } catch (error) {
      this.fatal = `${this.spec.label}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private handle(row: string[], line: number): void {
    if (row.length === 1 && (row[0] ?? '').trim() === '') return; // blank line
    if (this.dateCols.length > 0) {
      const verdict = this.readDates(row, line);
      if (verdict) {
        this.rowsRead += 1;
        this.rejected.push({ line, reason: verdict, raw: row.slice(0, 40).map((c) => c.slice(0, 200)) });
        return;
      }
      if (this.dateOrder === null) {
        if (this.held.length > 0 || this.hasAmbiguousDate(row)) {
          this.held.push([row, line]);
          return;
        }
      } else if (this.held.length > 0) this.release();
    }
    this.buildRow(row, line);
  }

  /** Looks at a row's date cells: records evidence of the day/month order; returns a reason to reject the row, or null. */
  private readDates(row: string[], line: number): string | null {
    const words: Record<DateOrder, string> = { dmy: 'day-first', mdy: 'month-first' };
    for (const col of this.dateCols) {
      const cell = (row[col] ?? '').trim();
      const d = slashDate(cell);
      if (!d) continue;
      if (d.says === 'neither') return `not a date: "${cell.slice(0, 40)}"`;
      if (d.says === 'either') {
        if (this.ambiguousExamples.length < 3) this.ambiguousExamples.push(cell.slice(0, 40));
        continue;
      }
      const other: DateOrder = d.says === 'dmy' ? 'mdy' : 'dmy';
      if (this.dateOrder === other) {
        const basis =
          this.decidedBy === 'user' ? 'you chose' : `the file's dates are ${words[other]} (${this.evidence[other]}) —`;
        return `date "${cell.slice(0, 40)}" is ${words[d.says]}, but ${basis} ${this.decidedBy === 'user' ? words[other] : 'the file mixes date orders'}`;
      }
      this.evidence[d.says] ??= `"${cell.slice(0, 40)}" on line ${line}`;
      if (this.dateOrder === null) {
        this.dateOrder = d.says;
        this.decidedBy = 'file';
      }
    }
    return null;
  }

  private hasAmbiguousDate(row: string[]): boolean {
    return this.dateCols.some((col) => slashDate((row[col] ?? '').trim())?.says === 'either');
  }

  /** Builds the held rows, in file order, now that the date order is known. */
  private release(): void {
    const held = this.held;
    this.held = [];
    for (const [row, line] of held) this.buildRow(row, line);
  }

  private buildRow(row: string[], line: number): void {
    this.rowsRead += 1;
    if (this.dateOrder !== null) {
      for (const col of this.dateCols) {
        const cell = (row[col] ?? '').trim();
        if (SLASH_DATE.test(cell)) row[col] = normaliseSlashDate(cell, this.dateOrder);
      }
    }
    let result: BuildResult<T>;
    try {
      if (this.buildArray) result = this.buildArray(row, line);
      else {
        const cells = {} as Record<K, string>;
        const plan = this.columnPlan;
        for (let i = 0; i < plan.length; i++) {
          const [key, col] = plan[i]!;
          cells[key] = cellAt(row, col);
        }
        result = this.build!(cells, line);
      }
    } catch (error) {
      result = { reason: error instanceof Error ? error.message : String(error) };
    }
    if ('reason' in result) {
      this.rejected.push({ line, reason: result.reason, raw: row.slice(0, 40).map((c) => c.slice(0, 200)) });
      return;
    }
    if ('skip' in result) {
      this.skipped[result.skip] = (this.skipped[result.skip] ?? 0) + 1;
      return;
    }
    const record = result.record;
    this.onRecord?.(record);
    if (this.byId.put(record)) this.duplicates += 1;
  }

  /** The records by id as built so far (after `finish`, the same records as the result's, in the same array). */
  get recordsById(): IdIndex<T> {
    return this.byId;
  }

  /** Ends the import and returns the result. */
  finish(): ImportResult<T> {
    if (!this.header && !this.fatal) this.fatal = `no header row found for ${this.spec.label}`;
    let needsDateOrder: ImportResult<T>['needsDateOrder'] = null;
    if (this.held.length > 0 && !this.fatal) {
      needsDateOrder = { examples: [...this.ambiguousExamples] };
      this.fatal = `${this.spec.label}: dates like "${this.ambiguousExamples[0] ?? ''}" could be day/month or month/day, and no date in the file tells which. Choose the order and import again`;
      this.rowsRead += this.held.length;
      this.held = [];
    }
    const records = this.fatal ? [] : this.byId.items;
    const header = this.header;
    return {
      source: this.spec.id,
      records,
      preview: records.slice(0, this.options.previewRows ?? 20),
      rejected: this.rejected,
      mapping: header?.mapping ?? {},
      userMapping: { ...(this.options.userMapping ?? {}) },
      unmappedHeaders: header?.unmapped ?? [],
      missingRequired: header?.missing ?? [],
      headerLine: this.headerLine,
      rowsRead: this.rowsRead,
      duplicates: this.duplicates,
      skipped: { ...this.skipped },
      fatal: this.fatal,
      delimiter: this.options.delimiter ?? null,
      encoding: this.options.encoding ?? null,
      dateOrder:
        this.dateOrder && this.decidedBy
          ? {
              order: this.dateOrder,
              decidedBy: this.decidedBy,
              evidence: this.decidedBy === 'file' ? (this.evidence[this.dateOrder] ?? null) : null,
            }
          : null,
      needsDateOrder,
    };
  }
}

function papaConfig(
  spec: { delimiter?: string },
  options: ImportOptions,
  session: { push(row: string[]): void },
  total: number | null,
) {
  let rows = 0;
  return {
    header: false,
    skipEmptyLines: false,
    delimiter: options.delimiter ?? spec.delimiter ?? '',
    ...(options.encoding ? { encoding: options.encoding } : {}),
    chunkSize: options.chunkSize ?? 1 << 20,
    chunk(results: Papa.ParseResult<string[]>) {
      for (const row of results.data) session.push(row);
      rows += results.data.length;
      options.onProgress?.({ rows, bytes: results.meta.cursor, totalBytes: total });
    },
  };
}

/** Imports a whole CSV/TSV text synchronously (Papa streams strings chunk by chunk in the same tick). */
export function importText<K extends string, T extends { id: string }>(
  text: string,
  spec: SourceSpec<K, T>,
  options: ImportOptions = {},
): ImportResult<T> {
  const opts = withDelimiter(text.slice(0, 65_536), spec, options);
  const session = new ImportSession(spec, opts);
  Papa.parse<string[]>(text, papaConfig(spec, opts, session, text.length));
  return session.finish();
}

/** The options with a File/Blob's encoding and delimiter sniffed from its head (what the caller set wins). */
export async function sniffOptions(
  blob: Blob,
  spec: { delimiter?: string },
  options: ImportOptions,
): Promise<ImportOptions> {
  const sniffed = await sniffBlob(blob, spec.delimiter);
  return {
    ...options,
    encoding: options.encoding ?? sniffed.encoding,
    delimiter: options.delimiter ?? sniffed.delimiter ?? undefined,
  };
}

/** The options with the file's delimiter decided from its head when the caller did not sniff it. */
export function withDelimiter(head: string, spec: { delimiter?: string }, options: ImportOptions): ImportOptions {
  if (options.delimiter) return options;
  const detected = detectDelimiter(head, spec.delimiter);
  return detected ? { ...options, delimiter: detected } : options;
}

/** Imports a File/Blob (browser, Web Worker) or a Node readable stream, streaming in chunks with progress. */
export async function importStream<K extends string, T extends { id: string }>(
  input: Blob | NodeJS.ReadableStream,
  spec: SourceSpec<K, T>,
  options: ImportOptions = {},
): Promise<ImportResult<T>> {
  const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
  const opts = isBlob ? await sniffOptions(input, spec, options) : options;
  const session = new ImportSession(spec, opts);
  const total = isBlob ? input.size : null;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input as Papa.LocalFile, {
      ...papaConfig(spec, opts, session, total),
      complete: () => resolve(session.finish()),
      error: (error: Error) => reject(error),
    });
  });
}

/** Counts of an upsert: what a second import of the same file must show as 0 inserted, 0 updated. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Upserts records by id into a map (the in-memory twin of the Dexie `bulkPut`), counting what changed. */
export function upsertById<T extends { id: string }>(store: Map<string, T>, records: readonly T[]): UpsertCounts {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const record of records) {
    const old = store.get(record.id);
    if (!old) counts.inserted += 1;
    else if (JSON.stringify(old) === JSON.stringify(record)) counts.unchanged += 1;
    else counts.updated += 1;
    store.set(record.id, record);
  }
  return counts;
}

export { parseDay, parseNumber } from './numbers';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The two readings of an ambiguous slash date, in words, for asking the user:
 * `03/11/2026` → { dmy: "3 Nov 2026", mdy: "Mar 11, 2026" }; null when the text is no such date.
 */
export function dateOrderReadings(example: string): Record<DateOrder, string> | null {
  const m = SLASH_DATE.exec(example.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  if (a < 1 || a > 12 || b < 1 || b > 12) return null;
  return { dmy: `${a} ${MONTHS[b - 1]} ${y}`, mdy: `${MONTHS[a - 1]} ${b}, ${y}` };
}
