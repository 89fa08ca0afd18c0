import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import * as clock from '../../lib/clock';
import { recordImport } from '../../lib/db/imports';
import { returnLineStore } from '../../lib/db/returns-store';
import { db } from '../../lib/db/schema';
import { queryKeys } from '../../lib/messaging/query-keys';
import { type BackfillProgress, type BackfillReport, backfillLoopReturns } from '../../lib/returns/backfill';
import { Notice, Progress, RejectedRows } from '../ui/primitives';

/**
 * Backfill from a Loop returns CSV export, run in this top-level page with Dexie (the page may
 * open the database; the background reads the same one). Shows progress and every rejected row.
 */
export function InsightsImport() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<BackfillProgress | null>(null);
  const run = useMutation({
    mutationFn: async (file: File): Promise<BackfillReport> => {
      setProgress({ phase: 'reading', fraction: 0, rows: 0 });
      const report = await backfillLoopReturns(file, returnLineStore(), setProgress);
      await recordImport(db(), {
        source: 'loop-returns',
        fileName: report.fileName,
        fileHash: report.fileHash,
        importedAt: clock.nowIso(),
        rowsTotal: report.rowsRead,
        rowsAccepted: report.accepted,
        rejected: report.rejected,
      });
      return report;
    },
    // Returned, so the report shows once the insights above it are read again (no jump after focus).
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.returns.all }),
  });
  const report = run.data;
  // The summary is where the person looks after an import: focus moves to it (and scrolls it into view).
  const reportRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);
  return (
    <section className="card" aria-labelledby="import-title">
      <header>
        <h2 id="import-title">Import a Loop returns export</h2>
        <p>
          In Loop: Returns → Export → CSV. Each line is classified on the reason taxonomy and stored by return id and
          SKU, so importing the same file twice changes nothing.
        </p>
      </header>
      <div className="card-body">
        <label className="cp-field">
          <span>Loop returns CSV</span>
          <input
            type="file"
            accept=".csv,text/csv"
            disabled={run.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) run.mutate(file);
              e.target.value = '';
            }}
          />
        </label>
        {run.isPending && progress ? (
          <div className="ri-progress">
            <Progress value={progress.fraction} label="Import progress" />
            <span className="cp-muted" role="status">
              {progress.phase === 'reading' ? 'Reading and classifying' : 'Saving'} ·{' '}
              {progress.rows.toLocaleString('en-US')} rows · {Math.round(progress.fraction * 100)}%
            </span>
          </div>
        ) : null}
        {run.isError ? (
          <Notice tone="bad" title="The import failed">
            {run.error.message}
          </Notice>
        ) : null}
        {report ? (
          <section ref={reportRef} tabIndex={-1} className="ri-report-focus" aria-label="Import summary">
            <ImportReport report={report} />
          </section>
        ) : null}
      </div>
    </section>
  );
}

function ImportReport({ report }: { report: BackfillReport }) {
  if (report.fatal)
    return (
      <Notice tone="bad" title={`Nothing imported from ${report.fileName}`}>
        {report.fatal}
      </Notice>
    );
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div className="ri-report" data-testid="import-report">
      <Notice
        tone={report.rejected.length ? 'warn' : 'ok'}
        title={`${report.fileName}: ${n(report.accepted)} lines imported`}
      >
        <span data-testid="import-summary">
          {n(report.rowsRead)} rows read · {n(report.inserted)} new · {n(report.updated)} updated ·{' '}
          {n(report.unchanged)} unchanged
          {report.keptFromPanel ? ` · ${n(report.keptFromPanel)} kept as analysed in the panel` : ''}
          {report.duplicates
            ? ` · ${n(report.duplicates)} duplicate row${report.duplicates === 1 ? '' : 's'} merged`
            : ''}{' '}
          · {n(report.rejected.length)} rejected
        </span>
      </Notice>
      {report.rejected.length ? <RejectedRows rows={report.rejected} label="Rejected rows" limit={200} raw /> : null}
      {report.rejected.length > 200 ? (
        <p className="cp-muted">First 200 of {n(report.rejected.length)} rejected rows shown.</p>
      ) : null}
    </div>
  );
}
