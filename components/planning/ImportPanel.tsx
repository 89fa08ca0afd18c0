import { useId, useState } from 'react';
import * as clock from '../../lib/clock';
import { readMappings, saveMapping } from '../../lib/db/planning-store';
import { db } from '../../lib/db/schema';
import { type DateOrder, dateOrderReadings } from '../../lib/import/core';
import { DELIMITER_LABELS, type Delimiter, ENCODING_LABELS, type TextEncoding } from '../../lib/import/sniff';
import { type Inspection, inspectHead, readHead } from '../../lib/planning/import/inspect';
import { SOURCES, type SourceId } from '../../lib/planning/import/sources';
import type { ImportReport, WorkerEvent } from '../../lib/planning/worker-protocol';
import { Badge, Notice, Progress, RejectedRows } from '../ui/primitives';
import { fmtNum } from './format';
import type { usePlannerWorker } from './usePlannerWorker';

type Run = ReturnType<typeof usePlannerWorker>;
type WorkerProgress = Extract<WorkerEvent, { kind: 'progress' }>;

interface Card {
  key: number;
  file: File;
  head: string;
  /** How the file is written, from its first bytes: shown on the card and used to read it. */
  encoding: TextEncoding;
  delimiter: Delimiter | null;
  /** The day/month order the user chose when the file did not tell. */
  dateOrder: DateOrder | null;
  inspection: Inspection;
  source: SourceId | null;
  userMapping: Record<string, string>;
  status: 'ready' | 'running' | 'done' | 'error';
  progress: WorkerProgress | null;
  report: ImportReport | null;
  error: string | null;
}

const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

const rememberedMappings = () => readMappings(db(), SOURCE_IDS);

function progressText(p: WorkerProgress | null): string {
  if (!p) return 'Starting…';
  if (p.phase === 'read') {
    const read = p.total ? `Reading ${Math.round((p.done / p.total) * 100)}%` : 'Reading…';
    // Rows are stored while the file is read.
    return p.stored !== undefined ? `${read} · ${fmtNum(p.stored)} rows stored` : read;
  }
  return `Storing ${fmtNum(p.done)} of ${fmtNum(p.total)} rows`;
}
function progressValue(p: WorkerProgress | null): number {
  if (!p?.total) return 0;
  if (p.phase === 'store') return 0.5 + 0.5 * (p.done / p.total);
  const read = p.done / p.total;
  if (p.stored === undefined || !p.records) return 0.7 * read;
  // Half the bar for reading, half for the rows stored out of those the whole file is expected to hold.
  const expected = p.records / Math.max(read, 1e-6);
  return 0.5 * read + 0.5 * Math.min(1, p.stored / expected);
}

/** True when a finished import still needs the person: it was refused, gave no rows, or asks how dates are written. */
const needsAttention = (c: Card) =>
  c.status !== 'done' ||
  !c.report ||
  Boolean(c.report.fatal) ||
  c.report.records === 0 ||
  Boolean(c.report.needsDateOrder);

/** "10 files imported · 12,345 new rows · 5 rows rejected (in orders-broken.csv)" */
function doneSummary(done: readonly Card[]): string {
  const reports = done.map((c) => c.report!).filter(Boolean);
  const fresh = reports.reduce((a, r) => a + r.inserted, 0);
  const rejected = reports.filter((r) => r.rejected.length > 0);
  const n = rejected.reduce((a, r) => a + r.rejected.length, 0);
  return `${done.length} file${done.length === 1 ? '' : 's'} imported · ${fmtNum(fresh)} new row${fresh === 1 ? '' : 's'}${
    n ? ` · ${fmtNum(n)} row${n === 1 ? '' : 's'} rejected (in ${rejected.map((r) => r.fileName).join(', ')})` : ''
  }`;
}

/**
 * The file imports: one drop zone, source detection, preview, column mapping, progress and the row
 * report. `compact` (a plan is shown): the drop zone is one row and finished reports fold into a
 * one-line summary, so the reorder list comes first; a refused or empty file stays open.
 */
export function ImportPanel({
  run,
  asOf,
  onImported,
  compact = false,
}: {
  run: Run;
  asOf: string;
  onImported: () => void;
  compact?: boolean;
}) {
  const [cards, setCards] = useState<Card[]>([]);
  const [dragging, setDragging] = useState(false);
  // One stop switch per running import (not state: nothing renders from it).
  const [cancels] = useState(() => new Map<number, AbortController>());
  const update = (key: number, patch: Partial<Card>) =>
    setCards((cs) => cs.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  async function addFiles(list: FileList | File[]) {
    // Copy first: the input's FileList is live and is cleared right after the change event.
    const files = Array.from(list);
    const mappings = await rememberedMappings();
    const added: Card[] = [];
    for (const file of files) {
      const { head, encoding, delimiter } = await readHead(file);
      const inspection = inspectHead(head, { mappings, delimiter });
      added.push({
        key: clock.nowMs() + Math.random(),
        file,
        head,
        encoding,
        delimiter,
        dateOrder: null,
        inspection,
        source: inspection.source,
        userMapping: inspection.source ? (mappings[inspection.source] ?? {}) : {},
        status: 'ready',
        progress: null,
        report: null,
        error: null,
      });
    }
    setCards((cs) => [
      ...cs.filter((c) => c.status !== 'ready' || !added.some((a) => a.file.name === c.file.name)),
      ...added,
    ]);
  }

  function reinspect(card: Card, source: SourceId | null, userMapping: Record<string, string>) {
    const inspection = inspectHead(card.head, {
      source,
      mappings: source ? { [source]: userMapping } : {},
      delimiter: card.delimiter,
    });
    update(card.key, { source, userMapping, inspection });
  }

  async function importCard(card: Card) {
    if (!card.source) return;
    update(card.key, { status: 'running', progress: null, error: null, report: null, dateOrder: card.dateOrder });
    try {
      if (Object.keys(card.userMapping).length) {
        await saveMapping(db(), card.source, card.userMapping, clock.nowIso());
      }
      const controller = new AbortController();
      cancels.set(card.key, controller);
      const done = await run(
        {
          kind: 'import',
          file: card.file,
          source: card.source,
          asOf,
          userMapping: card.userMapping,
          ...(card.dateOrder ? { dateOrder: card.dateOrder } : {}),
        },
        (p) => update(card.key, { progress: p }),
        controller.signal,
      ).finally(() => cancels.delete(card.key));
      update(card.key, { status: 'done', report: done.report });
    } catch (error) {
      update(card.key, { status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  const ready = cards.filter((c) => c.status === 'ready' && c.source && c.inspection.missingRequired.length === 0);
  async function importAll() {
    for (const c of ready) await importCard(c);
    onImported();
  }

  const open = compact ? cards.filter(needsAttention) : cards;
  const done = compact ? cards.filter((c) => !needsAttention(c)) : [];
  const cardView = (card: Card) => (
    <ImportCard
      key={card.key}
      card={card}
      onSource={(s) => reinspect(card, s, {})}
      onMap={(header, field) => {
        const m = { ...card.userMapping };
        for (const [h, f] of Object.entries(m)) if (f === field) delete m[h];
        if (header) m[header] = field;
        reinspect(card, card.source, m);
      }}
      onImport={() => void importCard(card).then(onImported)}
      onDateOrder={(order) => void importCard({ ...card, dateOrder: order }).then(onImported)}
      onCancel={() => cancels.get(card.key)?.abort()}
      onRemove={() => setCards((cs) => cs.filter((c) => c.key !== card.key))}
    />
  );
  return (
    <section className={`card pl-imports ${compact ? 'compact' : ''}`} aria-labelledby="imports-title">
      {compact ? (
        <h2 id="imports-title" className="sr-only">
          Imports
        </h2>
      ) : null}
      <header>
        {compact ? null : <h2 id="imports-title">Imports</h2>}
        <p>
          Shopify orders, inventory and products exports (collections and tags, for promos aimed at them), Amazon All
          Orders and FBA inventory reports, 3PL on-hand, supplier sheet, marketing calendar, cash budget, bundle map.
          The kind is detected from the columns; importing a file again changes nothing.
        </p>
      </header>
      <div className="card-body">
        <label
          className={`pl-drop ${dragging ? 'over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void addFiles(e.dataTransfer.files);
          }}
        >
          <strong>{compact ? 'Import more files' : 'Drop CSV or TSV files here'}</strong>
          <span className="cp-muted">{compact ? 'drop them here or choose files' : 'or choose files'}</span>
          <input
            type="file"
            multiple
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-label="Choose files to import"
            onChange={(e) => {
              if (e.target.files) void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        {open.length ? (
          <div className="cp-row pl-import-actions">
            <span className="cp-muted">
              {open.length} file{open.length === 1 ? '' : 's'}; counts without a date are taken as of {asOf}.
            </span>
            <span className="cp-spacer" />
            <button className="cp-btn primary" type="button" disabled={!ready.length} onClick={() => void importAll()}>
              Import {ready.length || ''} file{ready.length === 1 ? '' : 's'}
            </button>
          </div>
        ) : null}
        {open.map(cardView)}
        {done.length ? (
          <details className="pl-import-done" data-testid="imports-done">
            <summary>
              {doneSummary(done)}
              <span className="pl-details-link">Details</span>
            </summary>
            {done.map(cardView)}
          </details>
        ) : null}
      </div>
    </section>
  );
}

function ImportCard({
  card,
  onSource,
  onMap,
  onImport,
  onCancel,
  onRemove,
  onDateOrder,
}: {
  card: Card;
  onDateOrder: (order: DateOrder) => void;
  onSource: (s: SourceId | null) => void;
  onMap: (header: string | null, field: string) => void;
  onImport: () => void;
  onCancel: () => void;
  onRemove: () => void;
}) {
  const ins = card.inspection;
  const mappedCols = Object.entries(ins.mapping).filter(([, h]) => h !== null) as [string, string][];
  const colIndex = (h: string) => ins.header.indexOf(h);
  const r = card.report;
  return (
    <article className="pl-import" aria-label={`Import ${card.file.name}`}>
      <div className="cp-row">
        <strong>{card.file.name}</strong>
        <span className="cp-muted">
          {card.file.size < 1024 ? `${card.file.size} B` : `${fmtNum(card.file.size / 1024)} kB`}
        </span>
        <span className="cp-muted" data-testid="file-format" title="Encoding and delimiter read from the file's bytes">
          {fileFormat(card)}
        </span>
        <span className="cp-spacer" />
        {card.status === 'ready' || !card.source ? (
          <label className="cp-row">
            <span className="cp-muted">Kind</span>
            <select
              className="cp-select pl-source"
              aria-label={`Kind of ${card.file.name}`}
              value={card.source ?? ''}
              onChange={(e) => onSource((e.target.value || null) as SourceId | null)}
            >
              <option value="">Not recognised — choose</option>
              {SOURCE_IDS.map((s) => (
                <option key={s} value={s}>
                  {SOURCES[s].label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="cp-chip">{SOURCES[card.source].label}</span>
        )}
        {card.status === 'ready' ? (
          <>
            <button
              className="cp-btn small"
              type="button"
              disabled={!card.source || ins.missingRequired.length > 0}
              onClick={onImport}
            >
              Import
            </button>
            <button className="cp-btn small" type="button" onClick={onRemove} aria-label={`Remove ${card.file.name}`}>
              ✕
            </button>
          </>
        ) : null}
      </div>

      {card.status === 'ready' && card.source ? (
        <>
          {ins.missingRequired.length || ins.unmappedHeaders.length ? (
            <div className="pl-mapping">
              {ins.missingRequired.length ? (
                <Notice tone="warn" title="Map the missing columns">
                  This file does not name every column {SOURCES[card.source].label} needs. Pick the file’s column for
                  each; the mapping is remembered for this kind of file.
                </Notice>
              ) : null}
              <div className="pl-map-grid">
                {ins.fields
                  .filter((f) => ins.mapping[f.key] === null || card.userMapping[ins.mapping[f.key] ?? ''] === f.key)
                  .filter((f) => f.required || ins.unmappedHeaders.length > 0)
                  .map((f) => (
                    <label key={f.key} className="cp-field">
                      <span>
                        {f.aliases[0] ?? f.key}{' '}
                        {f.required ? <Badge tone="bad">required</Badge> : <Badge>optional</Badge>}
                      </span>
                      <select
                        className="cp-select"
                        aria-label={`Column for ${f.aliases[0] ?? f.key}`}
                        value={Object.entries(card.userMapping).find(([, v]) => v === f.key)?.[0] ?? ''}
                        onChange={(e) => onMap(e.target.value || null, f.key)}
                      >
                        <option value="">— none —</option>
                        {[...ins.unmappedHeaders, ...Object.keys(card.userMapping)].map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
              </div>
              {ins.unmappedHeaders.length ? (
                <p className="cp-muted">Ignored columns: {ins.unmappedHeaders.join(', ')}</p>
              ) : null}
            </div>
          ) : null}
          {mappedCols.length ? (
            <div className="pl-preview">
              <table className="cp-table" aria-label={`Preview of ${card.file.name}`}>
                <thead>
                  <tr>
                    {mappedCols.map(([field, h]) => (
                      <th key={field} title={`${field} ← ${h}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ins.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity beyond their position.
                    <tr key={i}>
                      {mappedCols.map(([field, h]) => (
                        <td key={field}>{row[colIndex(h)] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      {card.status === 'ready' && !card.source ? (
        <Notice tone="warn" title="Not recognised">
          Choose what kind of file this is; then map its columns.
        </Notice>
      ) : null}

      {card.status === 'running' ? (
        <div className="pl-progress">
          <Progress value={progressValue(card.progress)} label={`Importing ${card.file.name}`} />
          <span className="cp-muted">{progressText(card.progress)}</span>
          <button className="cp-btn small" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {card.status === 'error' ? (
        <Notice tone="bad" title="Import failed">
          {card.error}
          {card.error === 'Import cancelled'
            ? ' — the rows stored before cancelling stay; import the file again to complete it (nothing is stored twice).'
            : null}
        </Notice>
      ) : null}
      {r?.needsDateOrder && card.status === 'done' ? (
        <DateOrderQuestion
          fileName={card.file.name}
          example={r.needsDateOrder.examples[0] ?? ''}
          onChoose={onDateOrder}
        />
      ) : null}
      {r ? <ImportReportView report={r} /> : null}
    </article>
  );
}

/** "Windows-1252 / Latin-1 · semicolon-separated" */
function fileFormat(card: Pick<Card, 'encoding' | 'delimiter'>): string {
  const enc = ENCODING_LABELS[card.encoding];
  return card.delimiter ? `${enc} · ${DELIMITER_LABELS[card.delimiter]}-separated` : `${enc} · one column`;
}

/** "Dates read day-first (13/11/2026 on line 5)", or null when the file has no slash dates. */
function datesRead(r: ImportReport): string | null {
  if (!r.dateOrder) return null;
  const order = r.dateOrder.order === 'dmy' ? 'day-first' : 'month-first';
  if (r.dateOrder.decidedBy === 'user') return `Dates read ${order} (your choice)`;
  return `Dates read ${order}${r.dateOrder.evidence ? ` (${r.dateOrder.evidence.replaceAll('"', '')})` : ''}`;
}

/** Asks how to read a date the file never disambiguates, with both readings of its own example. */
function DateOrderQuestion({
  fileName,
  example,
  onChoose,
}: {
  fileName: string;
  example: string;
  onChoose: (order: DateOrder) => void;
}) {
  const readings = dateOrderReadings(example) ?? { dmy: 'day first', mdy: 'month first' };
  const titleId = useId();
  return (
    <fieldset className="pl-date-order" aria-labelledby={titleId}>
      <Notice tone="warn" title="How are dates written in this file?">
        <span id={titleId}>
          Is {example} in {fileName} {readings.dmy} or {readings.mdy}?
        </span>{' '}
        Nothing in the file tells, so nothing was imported. Choose, and it is imported again with that order.
      </Notice>
      <div className="cp-row">
        <button className="cp-btn" type="button" onClick={() => onChoose('dmy')}>
          {readings.dmy} (day first)
        </button>
        <button className="cp-btn" type="button" onClick={() => onChoose('mdy')}>
          {readings.mdy} (month first)
        </button>
      </div>
    </fieldset>
  );
}

function ImportReportView({ report: r }: { report: ImportReport }) {
  const dates = datesRead(r);
  return (
    <div className="pl-report" data-testid="import-report">
      {r.fatal && !r.needsDateOrder ? (
        <Notice tone="bad" title="Not imported">
          {r.fatal}. The plan is blocked for what this file feeds until it is imported again.
        </Notice>
      ) : null}
      {!r.fatal && r.records === 0 ? (
        <Notice tone="bad" title="No usable rows">
          {r.rowsRead === 0 ? 'The file has no data rows' : `None of its ${fmtNum(r.rowsRead)} rows could be used`}. The
          plan is blocked for what this file feeds until a file with rows is imported.
        </Notice>
      ) : null}
      <div className="cp-row">
        <Badge tone={r.fatal ? 'bad' : r.rejected.length ? 'warn' : 'ok'}>
          {r.fatal ? 'Not imported' : 'Imported'}
        </Badge>
        <span>
          {fmtNum(r.rowsRead)} rows read ·{' '}
          <strong>{r.inserted === 0 ? '0 new rows' : `${fmtNum(r.inserted)} new rows`}</strong>
          {r.updated ? ` · ${fmtNum(r.updated)} updated` : ''}
          {r.unchanged ? ` · ${fmtNum(r.unchanged)} unchanged` : ''}
          {' · '}
          {fmtNum(r.rejected.length)} rejected
          {Object.entries(r.excluded).map(([k, n]) => ` · ${fmtNum(n)} ${k} (kept, not demand)`)}
          {Object.entries(r.skipped ?? {}).map(([why, n]) => ` · ${fmtNum(n)} skipped (${why})`)}
          {dates ? (
            <>
              {' · '}
              <span data-testid="dates-read">{dates}</span>
            </>
          ) : null}
        </span>
        <span className="cp-spacer" />
        <span
          className="cp-muted"
          title={`read ${(r.readMs / 1000).toFixed(1)} s, store ${(r.storeMs / 1000).toFixed(1)} s${
            r.written === undefined ? '' : `, ${fmtNum(r.written)} rows written (${r.storeMode})`
          }`}
        >
          {(r.ms / 1000).toFixed(1)} s
        </span>
      </div>
      {r.rejected.length ? (
        <details open={r.rejected.length <= 20}>
          <summary>Rejected rows ({r.rejected.length})</summary>
          <RejectedRows
            rows={r.rejected}
            label={`Rejected rows of ${r.fileName}`}
            limit={500}
            className="cp-table pl-rejected"
          />
          {r.rejected.length > 500 ? <p className="cp-muted">First 500 of {r.rejected.length} shown.</p> : null}
        </details>
      ) : null}
    </div>
  );
}
