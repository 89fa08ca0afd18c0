import Papa from 'papaparse';
import { type FieldSpec, matchHeader } from '../../import/core';
import { type Delimiter, sniffBlob, type TextEncoding } from '../../import/sniff';
import { SOURCES, type SourceId } from './sources';

/** What the planner shows before importing a file: the source, its header, the first rows and the mapping. */
export interface Inspection {
  source: SourceId | null;
  /** How sure the detection is: how many known columns the header names. */
  score: number;
  headerLine: number | null;
  header: string[];
  /** The first data rows after the header, raw cells. */
  rows: string[][];
  /** Field key → header feeding it (null when none). */
  mapping: Record<string, string | null>;
  unmappedHeaders: string[];
  missingRequired: string[];
  /** Every field of the source with whether it is required, for the mapping form. */
  fields: { key: string; required: boolean; aliases: readonly string[] }[];
}

const HEAD_ROWS = 10;

/** A file's head decoded as the file is written, with what was detected (shown on the planner's card). */
export interface FileHead {
  head: string;
  encoding: TextEncoding;
  delimiter: Delimiter | null;
}

/** Reads a file's first 64 KiB as bytes and decodes them with the detected encoding (UTF-8/16, Windows-1252). */
export async function readHead(file: Blob): Promise<FileHead> {
  const sniffed = await sniffBlob(file);
  return { head: sniffed.head, encoding: sniffed.encoding, delimiter: sniffed.delimiter };
}

/**
 * Reads the head of a file (a few kB of text): detects the source by the columns its header row
 * names (unless `source` is given), and applies the remembered mapping of unknown headers.
 */
export function inspectHead(
  head: string,
  options: {
    source?: SourceId | null;
    mappings?: Partial<Record<SourceId, Record<string, string>>>;
    /** The file's detected delimiter (`readHead`); else each source's own, or Papa's guess. */
    delimiter?: Delimiter | null;
  } = {},
): Inspection {
  // The head is cut at an arbitrary byte: drop the last, possibly partial, line.
  const cut = head.lastIndexOf('\n');
  const text = cut > 0 ? head.slice(0, cut) : head;
  const candidates = options.source ? [options.source] : (Object.keys(SOURCES) as SourceId[]);
  const parsedBy = new Map<string, string[][]>();
  const rowsFor = (delimiter: string | undefined) => {
    const k = options.delimiter ?? delimiter ?? '';
    let rows = parsedBy.get(k);
    if (!rows) {
      rows = Papa.parse<string[]>(text, { delimiter: k, preview: HEAD_ROWS + 8, skipEmptyLines: true }).data;
      parsedBy.set(k, rows);
    }
    return rows;
  };
  let best: { source: SourceId; score: number; line: number; missing: number } | null = null;
  for (const id of candidates) {
    const spec = SOURCES[id];
    const fields = spec.fields as Record<string, FieldSpec>;
    const rows = rowsFor(spec.delimiter);
    rows.slice(0, HEAD_ROWS).forEach((row, i) => {
      const m = matchHeader(row, fields, options.mappings?.[id]);
      const score = m.columnOf.size;
      if (score === 0) return;
      // Fewer missing required columns first, then more named columns.
      if (!best || m.missing.length < best.missing || (m.missing.length === best.missing && score > best.score)) {
        best = { source: id, score, line: i, missing: m.missing.length };
      }
    });
  }
  const found = best as { source: SourceId; score: number; line: number; missing: number } | null;
  const source = found?.source ?? options.source ?? null;
  if (!source) {
    return {
      source: null,
      score: 0,
      headerLine: null,
      header: [],
      rows: rowsFor(undefined).slice(0, 6),
      mapping: {},
      unmappedHeaders: [],
      missingRequired: [],
      fields: [],
    };
  }
  const spec = SOURCES[source];
  const fields = spec.fields as Record<string, FieldSpec>;
  const rows = rowsFor(spec.delimiter);
  const line = found?.line ?? 0;
  const header = (rows[line] ?? []).map((c) => c.trim());
  const m = matchHeader(header, fields, options.mappings?.[source]);
  return {
    source,
    score: found?.score ?? 0,
    headerLine: found ? line + 1 : null,
    header,
    rows: rows.slice(line + 1, line + 6),
    mapping: m.mapping,
    unmappedHeaders: m.unmapped,
    missingRequired: m.missing,
    fields: Object.entries(fields).map(([key, f]) => ({ key, required: Boolean(f.required), aliases: f.aliases })),
  };
}
