import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import type { Catalogue } from '../../lib/messaging/contract/listings';
import { Badge, Empty, Notice, Progress, Spinner } from '../ui/primitives';
import { listingsQueries } from './queries';
import { CHANNEL_LABELS, countsLabel, policyLabel, SeverityBadge, STATUS_TONES, when } from './shared';
import './listings.css';
import { queryKeys } from '../../lib/messaging/query-keys';

const STATUSES = ['draft', 'ready', 'submitted', 'live', 'suppressed'] as const;
const BATCH = 10;

type Row = Catalogue['rows'][number];
type Cell = { productId: string; sku: string; channel: Catalogue['channels'][number] };

/** Every canonical product × channel: status, violations, last check, drift; bulk check and feed export. */
export function CatalogueApp() {
  const q = useQuery(listingsQueries.catalogue());
  const [search, setSearch] = useState('');
  const [channel, setChannel] = useState<string>('all');
  const [status, setStatus] = useState<string>('all');
  const [owner, setOwner] = useState<'all' | 'long-tail' | 'specialist'>('all');
  const [open, setOpen] = useState<Cell | null>(null);

  const rows = useMemo(() => {
    const term = search.trim().toLowerCase();
    return (q.data?.rows ?? []).filter((r) => {
      if (term && !r.title.toLowerCase().includes(term) && !r.skus.some((s) => s.toLowerCase().includes(term)))
        return false;
      if (owner === 'long-tail' && r.specialistOwned) return false;
      if (owner === 'specialist' && !r.specialistOwned) return false;
      if (status !== 'all')
        return r.cells.some((c) => (channel === 'all' || c.channel === channel) && c.status === status);
      return true;
    });
  }, [q.data, search, channel, status, owner]);

  const channels = (q.data?.channels ?? []).filter((c) => channel === 'all' || c === channel);

  return (
    <div className="page" style={{ maxWidth: 1240 }}>
      <div className="page-header">
        <div className="page-logo" aria-hidden="true">
          C
        </div>
        <h1>Listings catalogue</h1>
        <span className="cp-spacer" />
        {q.data ? <span className="cp-muted">Amazon: {policyLabel(q.data.policy)}</span> : null}
      </div>

      {q.isPending ? (
        <Spinner label="Loading the catalogue…" />
      ) : q.isError ? (
        <Notice tone="bad" title="Could not load the catalogue">
          {q.error.message}
        </Notice>
      ) : q.data.rows.length === 0 ? (
        <section className="card">
          <div className="card-body">
            <Empty>
              No canonical products yet. Open a product in Shopify admin with Counterpart’s panel: it is captured as the
              canonical version and appears here.
            </Empty>
          </div>
        </section>
      ) : (
        <>
          <section className="card" aria-label="Bulk check and export">
            <div className="card-body grid-2">
              <BulkCheck rows={q.data.rows} />
              <ExportFeed channels={q.data.channels} />
            </div>
          </section>
          {open ? <CellFindings cell={open} onClose={() => setOpen(null)} /> : null}
          <section className="card" aria-label="Products by channel">
            <div className="card-body">
              <search className="cat-toolbar">
                <label className="cp-field">
                  <span>Search</span>
                  <input
                    className="cp-input"
                    value={search}
                    placeholder="Title or SKU"
                    onChange={(e) => setSearch(e.target.value)}
                  />
                </label>
                <label className="cp-field">
                  <span>Channel</span>
                  <select
                    className="cp-select"
                    aria-label="Filter by channel"
                    value={channel}
                    onChange={(e) => setChannel(e.target.value)}
                  >
                    <option value="all">All channels</option>
                    {q.data.channels.map((c) => (
                      <option key={c} value={c}>
                        {CHANNEL_LABELS[c]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="cp-field">
                  <span>Status</span>
                  <select
                    className="cp-select"
                    aria-label="Filter by status"
                    value={status}
                    onChange={(e) => setStatus(e.target.value)}
                  >
                    <option value="all">Any status</option>
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="cp-field">
                  <span>Owner</span>
                  <select
                    className="cp-select"
                    aria-label="Filter by owner"
                    value={owner}
                    onChange={(e) => setOwner(e.target.value as typeof owner)}
                  >
                    <option value="all">Everyone</option>
                    <option value="long-tail">Long tail</option>
                    <option value="specialist">Specialist-owned</option>
                  </select>
                </label>
                <span className="cp-spacer" />
                <span className="cp-muted">
                  {rows.length} of {q.data.rows.length} SKUs
                </span>
              </search>
              {rows.length === 0 ? (
                <Empty>No product matches these filters.</Empty>
              ) : (
                <div style={{ overflowX: 'auto' }}>
                  <table className="cat-table" aria-label="Catalogue">
                    <thead>
                      <tr>
                        <th scope="col">Product</th>
                        {channels.map((c) => (
                          <th key={c} scope="col">
                            {CHANNEL_LABELS[c]}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <ProductRow key={rowId(r)} row={r} channels={channels} onOpen={setOpen} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <div className="cat-legend">
                <span>
                  <b>draft</b> derived variant has a must-fix finding
                </span>
                <span>
                  <b>ready</b> nothing must be fixed (advice may remain)
                </span>
                <span>
                  <b>must fix</b> blocks submission or gets the listing suppressed; <b>advice</b> is best practice
                </span>
                <span>
                  <b>submitted</b> on the channel, not active
                </span>
                <span>
                  <b>live</b> active on the channel
                </span>
                <span>
                  <b>suppressed</b> the channel hides it
                </span>
              </div>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

/** A row is one SKU of a product (marketplaces list per SKU). */
const rowId = (r: Row) => (r.skus.length ? `${r.productId}-${r.skus.join('-')}` : r.productId);

function ProductRow({ row, channels, onOpen }: { row: Row; channels: string[]; onOpen: (c: Cell) => void }) {
  const sku = row.skus[0] ?? '';
  return (
    <tr data-testid={`catalogue-row-${rowId(row)}`}>
      <th scope="row" style={{ textAlign: 'left', fontWeight: 500, maxWidth: 300, verticalAlign: 'top' }}>
        <div>{row.title}</div>
        <div className="cat-cell">
          <span>
            {row.skus.join(', ')} · v{row.version}
          </span>
          {row.specialistOwned ? (
            <span>
              <Badge tone="warn">Specialist-owned</Badge>
            </span>
          ) : null}
        </div>
      </th>
      {row.cells
        .filter((c) => channels.includes(c.channel))
        .map((c) => (
          <td key={c.channel} data-channel={c.channel}>
            <button
              type="button"
              className="cat-cell-btn"
              onClick={() => onOpen({ productId: row.productId, sku, channel: c.channel })}
            >
              {/* Named by what it shows, after which cell it is (axe label-content-name-mismatch). */}
              <span className="cp-sr-only">{`${CHANNEL_LABELS[c.channel]}, ${row.title}${sku ? ` ${sku}` : ''}: `}</span>
              <span className={`cp-badge cat-status ${STATUS_TONES[c.status] ?? ''} ${c.status}`}>{c.status}</span>
              <span className="cat-cell" style={{ marginTop: 4 }}>
                {c.reason ? (
                  <span title={c.reason}>{c.reason.length > 40 ? `${c.reason.slice(0, 38)}…` : c.reason}</span>
                ) : null}
                {c.mustFix !== null && c.advice !== null ? (
                  <span data-testid="cell-counts">
                    {c.liveMustFix !== null ? 'derived version: ' : ''}
                    {countsLabel(c.mustFix, c.advice)}
                    {c.stale ? ' (stale)' : ''}
                  </span>
                ) : (
                  <span>not checked</span>
                )}
                {c.liveMustFix !== null ? (
                  <span data-testid="cell-live">live listing: {c.liveMustFix} must fix</span>
                ) : null}
                {c.drift !== null ? <span>{c.drift ? `drift: ${c.drift} fields` : 'in sync'}</span> : null}
                {c.checkedAt ? <span>{when(c.checkedAt)}</span> : null}
              </span>
            </button>
          </td>
        ))}
    </tr>
  );
}

/** The findings behind one cell: what still stops that SKU on that channel, in plain words. */
function CellFindings({ cell, onClose }: { cell: Cell; onClose: () => void }) {
  const q = useQuery(listingsQueries.cell(cell));
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the findings a person asked for (and the card scrolls into view with it).
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const d = q.data;
  return (
    <section className="card" aria-label="Cell findings" data-testid="cell-findings">
      <div className="card-body">
        <div className="cat-toolbar" style={{ marginBottom: 6 }}>
          <h2 ref={heading} tabIndex={-1} style={{ fontSize: 15, margin: 0 }}>
            {CHANNEL_LABELS[cell.channel]} · {d ? d.title : '…'}
            {cell.sku ? ` · ${cell.sku}` : ''}
          </h2>
          <span className="cp-spacer" />
          <button type="button" className="cp-btn small" onClick={onClose}>
            Close
          </button>
        </div>
        {q.isPending ? (
          <Spinner label="Checking…" />
        ) : q.isError ? (
          <Notice tone="bad" title="Could not load the findings">
            {q.error.message}
          </Notice>
        ) : (
          <>
            <p style={{ fontWeight: 600, margin: '0 0 6px' }}>
              {q.data.ready ? 'Ready' : 'Not ready'}: {countsLabel(q.data.mustFix, q.data.advice)} on the version
              Counterpart derives for {CHANNEL_LABELS[cell.channel]}.
              {q.data.live && q.data.live.mustFix !== null
                ? ` The live listing had ${q.data.live.mustFix} must fix when its editor was last opened (${when(q.data.live.seenAt)}).`
                : ''}
            </p>
            {q.data.findings.length === 0 ? (
              <Empty>No rule is broken.</Empty>
            ) : (
              <ul className="ls-list">
                {q.data.findings.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings keep their page order.
                  <li key={i} className="ls-finding">
                    <SeverityBadge severity={f.severity} />
                    <div>
                      <b>{f.label}</b>: {f.plain}
                      {f.review ? <span className="cp-muted"> · needs your review</span> : null}
                      <details className="ls-details">
                        <summary>Details</summary>
                        <code>{f.rule}</code> on <code>{f.field}</code>: {f.message}
                      </details>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function BulkCheck({ rows }: { rows: Row[] }) {
  const qc = useQueryClient();
  // Rows are SKUs; the check runs per product (every SKU of it). A product with a protected SKU is the specialist's.
  const owned = new Set(rows.filter((r) => r.specialistOwned).map((r) => r.productId));
  const longTail = [...new Set(rows.map((r) => r.productId))].filter((id) => !owned.has(id));
  const [progress, setProgress] = useState<{ done: number; total: number; ready: number } | null>(null);
  const check = useMutation({
    mutationFn: async (ids: string[]) => {
      let ready = 0;
      setProgress({ done: 0, total: ids.length, ready: 0 });
      for (let i = 0; i < ids.length; i += BATCH) {
        const r = await callOrThrow('listings.checkProducts', { ids: ids.slice(i, i + BATCH) });
        ready += r.ready;
        setProgress({ done: Math.min(ids.length, i + BATCH), total: ids.length, ready });
      }
      return ready;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.listings.catalogue() }),
  });
  return (
    <div>
      <h2 style={{ fontSize: 14, marginBottom: 4 }}>Check the long tail</h2>
      <p className="cp-muted" style={{ fontSize: 12.5, marginBottom: 8 }}>
        Derives every channel variant of the products that are not specialist-owned ({longTail.length}) and re-checks
        them with each channel’s rules. Specialist-owned products are checked when their pages are opened.
      </p>
      <button
        type="button"
        className="cp-btn primary"
        disabled={check.isPending || longTail.length === 0}
        onClick={() => check.mutate(longTail)}
      >
        {check.isPending ? 'Checking…' : `Check ${longTail.length} product${longTail.length === 1 ? '' : 's'}`}
      </button>
      {progress ? (
        <div style={{ marginTop: 8 }}>
          <Progress value={progress.total ? progress.done / progress.total : 1} label="Bulk check progress" />
          <span className="cp-muted" style={{ fontSize: 12 }} role="status">
            {progress.done} of {progress.total} products checked · {progress.ready} SKU × channel variants ready
          </span>
        </div>
      ) : null}
      {check.isError ? (
        <Notice tone="bad" title="Check stopped">
          {check.error.message}
        </Notice>
      ) : null}
    </div>
  );
}

function ExportFeed({ channels }: { channels: string[] }) {
  const [channel, setChannel] = useState(channels[0] ?? 'amazon');
  const [format, setFormat] = useState<'csv' | 'tsv'>('tsv');
  const exp = useMutation({
    mutationFn: () => callOrThrow('listings.exportFeed', { channel: channel as Catalogue['channels'][number], format }),
    onSuccess: (r) => {
      if (r.rows === 0) return;
      const blob = new Blob([r.content], { type: format === 'tsv' ? 'text/tab-separated-values' : 'text/csv' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = r.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
  });
  return (
    <div>
      <h2 style={{ fontSize: 14, marginBottom: 4 }}>Export a channel feed</h2>
      <p className="cp-muted" style={{ fontSize: 12.5, marginBottom: 8 }}>
        The ready variants, one row per SKU, in the channel’s column names.
      </p>
      <div className="cat-toolbar" style={{ marginBottom: 0 }}>
        <label className="cp-field">
          <span>Channel</span>
          <select
            className="cp-select"
            aria-label="Feed channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
          >
            {channels.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="cp-field">
          <span>Format</span>
          <select
            className="cp-select"
            aria-label="Feed format"
            value={format}
            onChange={(e) => setFormat(e.target.value as 'csv' | 'tsv')}
          >
            <option value="tsv">TSV</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <button type="button" className="cp-btn" disabled={exp.isPending} onClick={() => exp.mutate()}>
          {exp.isPending ? 'Exporting…' : 'Download feed'}
        </button>
      </div>
      {exp.data && exp.data.rows > 0 ? (
        <span className="cp-muted" style={{ fontSize: 12 }} role="status">
          {exp.data.filename}: {exp.data.rows} row{exp.data.rows === 1 ? '' : 's'}
          {exp.data.skipped ? `; ${exp.data.skipped} SKU${exp.data.skipped === 1 ? '' : 's'} not ready left out` : ''}
        </span>
      ) : null}
      {exp.data && exp.data.rows === 0 ? (
        <Notice tone="warn" title="Nothing ready for this channel">
          No variant passes this channel’s rules yet ({exp.data.skipped} not ready). Fix the blocking findings, then
          export again.
        </Notice>
      ) : null}
      {exp.isError ? (
        <Notice tone="bad" title="Export failed">
          {exp.error.message}
        </Notice>
      ) : null}
    </div>
  );
}
