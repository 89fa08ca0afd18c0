import Papa from 'papaparse';
import type { z } from 'zod';

/** One column a source knows: the header names it goes by in real exports, and whether a row needs it. */
export interface FieldSpec {
  aliases: readonly string[];
  required?: boolean;
}

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
  /** Set when nothing could be imported (no header found, required columns missing). */
  fatal: string | null;
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
    } else if (!key) unmapped.push(cell.trim());
  });
  const mapping: Record<string, string | null> = {};
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    const col = columnOf.get(key);
    mapping[key] = col === undefined ? null : (row[col] ?? '').trim();
    if (spec.required && col === undefined) missing.push(key);
  }
  return { columnOf, mapping, unmapped, missing, score };
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
  private readonly byId = new Map<string, T>();
  private readonly rejected: RejectedRow[] = [];
  private readonly skipped: Record<string, number> = {};
  private readonly pending: string[][] = [];
  private header: HeaderMatch | null = null;
  /** Field key → column index (−1 when absent), fixed once the header is found. */
  private columnPlan: [K, number][] = [];
  private headerLine: number | null = null;
  private build: ((cells: Record<K, string>, line: number) => BuildResult<T>) | null = null;
  private line = 0;
  private rowsRead = 0;
  private duplicates = 0;
  private fatal: string | null = null;

  constructor(
    private readonly spec: SourceSpec<K, T>,
    private readonly options: ImportOptions = {},
  ) {}

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
    try {
      this.build = this.spec.rowBuilder(this.options);
    } catch (error) {
      this.fatal = `${this.spec.label}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private handle(row: string[], line: number): void {
    if (row.length === 1 && (row[0] ?? '').trim() === '') return; // blank line
    this.rowsRead += 1;
    const cells = {} as Record<K, string>;
    const plan = this.columnPlan;
    for (let i = 0; i < plan.length; i++) {
      const [key, col] = plan[i]!;
      cells[key] = col < 0 ? '' : (row[col] ?? '').trim();
    }
    let result: BuildResult<T>;
    try {
      result = this.build!(cells, line);
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
    if (this.byId.has(result.record.id)) this.duplicates += 1;
    this.byId.set(result.record.id, result.record);
  }

  /** Ends the import and returns the result. */
  finish(): ImportResult<T> {
    if (!this.header && !this.fatal) this.fatal = `no header row found for ${this.spec.label}`;
    const records = this.fatal ? [] : [...this.byId.values()];
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
    delimiter: spec.delimiter ?? '',
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
  const session = new ImportSession(spec, options);
  Papa.parse<string[]>(text, papaConfig(spec, options, session, text.length));
  return session.finish();
}

/** Imports a File/Blob (browser, Web Worker) or a Node readable stream, streaming in chunks with progress. */
export function importStream<K extends string, T extends { id: string }>(
  input: Blob | NodeJS.ReadableStream,
  spec: SourceSpec<K, T>,
  options: ImportOptions = {},
): Promise<ImportResult<T>> {
  const session = new ImportSession(spec, options);
  const total = typeof Blob !== 'undefined' && input instanceof Blob ? input.size : null;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input as Papa.LocalFile, {
      ...papaConfig(spec, options, session, total),
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

/** Parses a number as exports write it ("1,234.50", "12", " 3 "); null when not a number. */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/^[$€£]/, '');
  if (s === '') return null;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Takes the calendar day an export wrote, as written (the store's local day): `2026-11-27`,
 * `2026-11-27 14:03:11 -0500` (Shopify), `2026-11-27T14:03:11+00:00` (Amazon), `11/27/2026`.
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!m) return null;
    mo = Number(m[1]);
    d = Number(m[2]);
    y = Number(m[3]);
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
