/**
 * Streamed import: parses a file (a Blob in the browser, or text) and hands every record to a sink
 * while parsing, pausing the parser while the sink is behind (the planner worker's sink writes to
 * IndexedDB: `lib/db/import-store.ts`).
 */
import Papa from 'papaparse';
import * as clock from '../../clock';
import {
  type ImportOptions,
  type ImportResult,
  ImportSession,
  type SourceSpec,
  sniffOptions,
  withDelimiter,
} from '../../import/core';
import type { IdIndex } from '../../import/id-index';

/** Where a streamed import puts its records (the planner worker's is a Dexie table sink). */
export interface RecordSink<T> {
  /** Takes one record; a repeated id replaces the earlier one. */
  add(record: T): void;
  /** Queues what is buffered for writing. */
  flush(): void;
  /** Chunks waiting or being written; the parser pauses while this is high. */
  readonly backlog: number;
  /** Distinct ids received so far. */
  readonly received: number;
  /** Records handled (compared and, when needed, written). */
  readonly processed: number;
  /** The first write error, if any (the import stops at it). */
  readonly error: unknown;
  /** Resolves when the oldest queued chunk is written. */
  nextWritten(): Promise<void>;
  /** Writes what is left; rejects with the first write error. */
  finish(): Promise<unknown>;
}

/** Progress of a streamed import: bytes parsed and rows stored. */
export interface StreamProgress {
  bytes: number;
  totalBytes: number | null;
  /** Records built so far. */
  records: number;
  /** Records compared and, when needed, written. */
  stored: number;
}

export interface StreamOptions extends Omit<ImportOptions, 'onProgress'> {
  onProgress?: (p: StreamProgress) => void;
  /** Chunks queued for writing before the parser waits (default 2: one writing, one ready). */
  maxBacklog?: number;
  /** Stops the import; rows stored so far stay (a re-import completes them). */
  signal?: AbortSignal;
}

/** A streamed import's parse result and where its time went. */
export interface StreamedImport<T extends { id: string }> {
  result: ImportResult<T>;
  /** The result's records by id (the caller may keep it as its index of what it stored). */
  byId: IdIndex<T>;
  /** Wall time until the last row was parsed, and how much of it the parser waited for IndexedDB. */
  parsedMs: number;
  waitMs: number;
}

/**
 * Parses a file (Blob in the browser, or text) and stores its records through `sink` while
 * parsing; resolves with the parse result (records, rejected rows…) once the last row is stored.
 * A Blob is sniffed first: it is read with its own encoding (UTF-8/16, Windows-1252) and delimiter.
 */
export async function streamImport<K extends string, T extends { id: string }>(
  input: Blob | string,
  spec: SourceSpec<K, T>,
  sink: RecordSink<T>,
  options: StreamOptions = {},
): Promise<StreamedImport<T>> {
  const given = { delimiter: options.delimiter, encoding: options.encoding };
  const sniffed =
    typeof input === 'string'
      ? withDelimiter(input.slice(0, 65_536), spec, given)
      : await sniffOptions(input, spec, given);
  return parseInto(input, spec, sink, { ...options, delimiter: sniffed.delimiter, encoding: sniffed.encoding });
}

function parseInto<K extends string, T extends { id: string }>(
  input: Blob | string,
  spec: SourceSpec<K, T>,
  sink: RecordSink<T>,
  options: StreamOptions,
): Promise<StreamedImport<T>> {
  const session = new ImportSession(
    spec,
    {
      asOf: options.asOf,
      userMapping: options.userMapping,
      previewRows: options.previewRows,
      dateOrder: options.dateOrder,
      delimiter: options.delimiter,
      encoding: options.encoding,
    },
    (record) => sink.add(record),
  );
  const total = typeof input === 'string' ? input.length : input.size;
  const maxBacklog = options.maxBacklog ?? 2;
  let records = 0;
  let bytes = 0;
  const started = clock.monotonicMs();
  let waitMs = 0;
  const report = () => options.onProgress?.({ bytes, totalBytes: total, records, stored: sink.processed });
  return new Promise<StreamedImport<T>>((resolve, reject) => {
    let stopped = false;
    const fail = (error: unknown) => {
      if (stopped) return;
      stopped = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    Papa.parse<string[]>(input as Papa.LocalFile, {
      header: false,
      skipEmptyLines: false,
      delimiter: options.delimiter ?? spec.delimiter ?? '',
      ...(options.encoding && typeof input !== 'string' ? { encoding: options.encoding } : {}),
      chunkSize: options.chunkSize ?? 1 << 20,
      chunk(results, parser) {
        if (stopped) return;
        for (const row of results.data) session.push(row);
        records = sink.received;
        bytes = results.meta.cursor;
        sink.flush();
        report();
        // fail() before abort(): Papa calls `complete` from inside abort().
        if (options.signal?.aborted) {
          fail(new Error('Import cancelled'));
          parser.abort();
          return;
        }
        if (sink.error) {
          fail(sink.error);
          parser.abort();
          return;
        }
        if (sink.backlog >= maxBacklog) {
          // Wait for IndexedDB: keeps memory bounded and the progress honest.
          parser.pause();
          const pausedAt = clock.monotonicMs();
          const wait = () => {
            report();
            if (sink.backlog < maxBacklog || sink.error) {
              waitMs += clock.monotonicMs() - pausedAt;
              parser.resume();
            } else void sink.nextWritten().then(wait);
          };
          void sink.nextWritten().then(wait);
        }
      },
      complete: () => {
        if (stopped) return;
        const result = session.finish();
        const parsedMs = clock.monotonicMs() - started;
        sink
          .finish()
          .then(() => {
            records = result.records.length;
            report();
            stopped = true;
            resolve({
              result,
              byId: session.recordsById,
              parsedMs: Math.round(parsedMs),
              waitMs: Math.round(waitMs),
            });
          })
          .catch(fail);
      },
      error: (error: Error) => fail(error),
    });
  });
}
