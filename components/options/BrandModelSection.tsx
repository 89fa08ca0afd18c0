import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { INTENT_LABELS, isIntentId } from '../../lib/cs/taxonomy';
import { callOrThrow } from '../../lib/messaging/client';
import type { ResponseOf } from '../../lib/messaging/contract';
import { queryKeys } from '../../lib/messaging/query-keys';
import { REASON_LABELS, type ReasonId } from '../../lib/returns/taxonomy';
import { Empty, Notice, RejectedRows } from '../ui/primitives';

const STATS_KEY = queryKeys.learning.stats();
const pct = (x: number) => `${Math.round(x * 100)}%`;
type Stats = ResponseOf<'learning.stats'>;

function intentName(id: string): string {
  return isIntentId(id) ? INTENT_LABELS[id] : id;
}
function reasonName(id: string): string {
  return id in REASON_LABELS ? REASON_LABELS[id as ReasonId] : id;
}

function AccuracyTable({
  rows,
  name,
  label,
  testId,
}: {
  rows: Stats['intents']['rows'];
  name: (id: string) => string;
  label: string;
  testId: string;
}) {
  return (
    <table className="cp-table" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          <th>{label}</th>
          <th>Examples set aside</th>
          <th>Right before</th>
          <th>Right now</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{name(r.label)}</td>
            <td>{r.support}</td>
            <td>{pct(r.before)}</td>
            <td>{pct(r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FileImport({
  title,
  hint,
  kind,
  onDone,
}: {
  title: string;
  hint: string;
  kind: 'learning.importTickets' | 'learning.importLoop';
  onDone: () => void;
}) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const run = useMutation({
    mutationFn: (f: { name: string; text: string }) => callOrThrow(kind, { content: f.text, fileName: f.name }),
    onSuccess: onDone,
  });
  const id = `${kind}-file`;
  return (
    <div className="cp-field-group">
      <label className="cp-field" htmlFor={id}>
        <span>{title}</span>
        <input
          id={id}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={async (e) => {
            run.reset();
            const f = e.target.files?.[0];
            setFile(f ? { name: f.name, text: await f.text() } : null);
          }}
        />
      </label>
      <p className="cp-muted">{hint}</p>
      <button
        className="cp-btn"
        type="button"
        disabled={!file || run.isPending}
        onClick={() => file && run.mutate(file)}
      >
        {run.isPending ? 'Importing…' : 'Import'}
      </button>
      {run.data ? (
        <Notice tone="ok">
          Learned from {run.data.imported} of {run.data.total} rows.
        </Notice>
      ) : null}
      {run.isError ? <Notice tone="bad">{run.error.message}</Notice> : null}
      {run.data?.rejected.length ? <RejectedRows rows={run.data.rejected} label="Rows not used" limit={100} /> : null}
    </div>
  );
}

type ImportProgress = ResponseOf<'learning.gorgiasImportStatus'>;
const RUNNING: ReadonlySet<ImportProgress['phase']> = new Set(['listing', 'reading', 'waiting']);

function importLine(p: ImportProgress): string {
  switch (p.phase) {
    case 'listing':
      return `Listing your tickets: ${p.listed} so far…`;
    case 'reading':
      return `Reading tickets: ${p.read} of ${p.toRead} (${p.found} with one of your tags or Gorgias intents).`;
    case 'waiting':
      return `Gorgias asked Counterpart to slow down: going on in ${p.waitSeconds ?? 0} s (${
        p.toRead ? `${p.read} of ${p.toRead} read` : `${p.listed} ticket${p.listed === 1 ? '' : 's'} listed so far`
      }).`;
    case 'done':
      return `Done: ${p.read} of ${p.toRead} tickets read, ${p.found} with a usable tag or intent, ${p.imported} new examples learned.`;
    case 'cancelled':
      return `Stopped: ${p.read} of ${p.toRead} tickets read, ${p.imported} new examples learned and kept.`;
    case 'failed':
      return `The import stopped: ${p.error ?? 'Gorgias did not answer'}${p.imported ? ` (${p.imported} examples kept)` : ''}.`;
    default:
      return '';
  }
}

/**
 * "Import past tickets from Gorgias": pages through the account's tickets with the documented REST
 * API (GET only), with the e-mail and API key of a Gorgias user; the key is used for this run only
 * and is not kept. Progress n of N, Gorgias' slow-downs waited out, Cancel keeps what was read.
 */
function GorgiasImport({ onDone }: { onDone: () => void }) {
  const [account, setAccount] = useState('');
  const [email, setEmail] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [max, setMax] = useState(500);
  const [note, setNote] = useState<string | null>(null);
  const status = useQuery({
    queryKey: queryKeys.learning.gorgiasImport(),
    queryFn: () => callOrThrow('learning.gorgiasImportStatus', {}),
    networkMode: 'always',
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.phase) ? 500 : false),
  });
  const qc = useQueryClient();
  const p = status.data;
  const running = !!p && RUNNING.has(p.phase);
  const endKey = p && !running && p.phase !== 'idle' ? `${p.phase}:${p.read}:${p.imported}` : null;
  // When an import ends, the figures above are measured again.
  useEffect(() => {
    if (endKey) onDone();
  }, [endKey, onDone]);
  const start = useMutation({
    mutationFn: async () => {
      setNote(null);
      const host = account
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\.gorgias\.com.*$/, '');
      // Asked inside the click, for this account's API only.
      const granted = await browser.permissions
        .request({ origins: [`https://${host}.gorgias.com/api/*`] })
        .catch(() => false);
      if (!granted) throw new Error(`Counterpart was not allowed to contact ${host}.gorgias.com.`);
      return callOrThrow('learning.gorgiasImportStart', { account: host, email, apiKey, max });
    },
    onSuccess: (value) => {
      setApiKey('');
      qc.setQueryData(queryKeys.learning.gorgiasImport(), value);
    },
    onError: (e) => setNote(e.message),
  });
  const cancel = useMutation({
    mutationFn: () => callOrThrow('learning.gorgiasImportCancel', {}),
    onSuccess: (value) => qc.setQueryData(queryKeys.learning.gorgiasImport(), value),
  });
  const canStart = account.trim() !== '' && email.trim() !== '' && apiKey.trim() !== '' && !running && !start.isPending;
  return (
    <div className="cp-field-group bm-gorgias" data-testid="gorgias-import">
      <h4>Import past tickets from Gorgias</h4>
      <p className="cp-muted">
        Counterpart reads your recent tickets (it never changes anything in Gorgias) and learns from those with your
        tags or Gorgias intents. Use the e-mail and an API key from Gorgias → Settings → REST API. The key is used for
        this import only and is not kept.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canStart) start.mutate();
        }}
      >
        <label className="cp-field" htmlFor="gorgias-account">
          <span>Gorgias account</span>
          <input
            id="gorgias-account"
            value={account}
            placeholder="acme (from acme.gorgias.com)"
            autoComplete="off"
            onChange={(e) => setAccount(e.target.value)}
          />
        </label>
        <label className="cp-field" htmlFor="gorgias-email">
          <span>Gorgias user e-mail</span>
          <input id="gorgias-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="cp-field" htmlFor="gorgias-key">
          <span>Gorgias API key</span>
          <input
            id="gorgias-key"
            type="password"
            autoComplete="off"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </label>
        <label className="cp-field" htmlFor="gorgias-max">
          <span>Most recent tickets to read</span>
          <input
            id="gorgias-max"
            type="number"
            min={1}
            max={5000}
            value={max}
            onChange={(e) => setMax(Math.max(1, Math.min(5000, Number(e.target.value) || 1)))}
          />
        </label>
        <div className="cp-row">
          <button className="cp-btn" type="submit" disabled={!canStart}>
            {start.isPending ? 'Starting…' : 'Import past tickets from Gorgias'}
          </button>
          {running ? (
            <button className="cp-btn" type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {note ? <Notice tone="bad">{note}</Notice> : null}
      {p && p.phase !== 'idle' ? (
        <div role="status" aria-live="polite" data-testid="gorgias-import-status" data-phase={p.phase}>
          {running ? (
            <progress
              max={Math.max(p.toRead, 1)}
              value={p.phase === 'listing' ? undefined : p.read}
              aria-label="Tickets read"
            />
          ) : null}
          <Notice tone={p.phase === 'failed' ? 'bad' : p.phase === 'done' ? 'ok' : 'info'}>{importLine(p)}</Notice>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The brand's own language model (issue 15): what it learned from (imports, Loop exports, agents'
 * picks), how often it is right on a fifth of the brand's own examples set aside — with the shipped
 * engine alone and with the brand's model beside it — and, when a model is configured, how often
 * the local engine agrees with it per intent. Everything stays in this browser.
 */
export function BrandModelSection() {
  const queryClient = useQueryClient();
  const stats = useQuery({
    queryKey: STATS_KEY,
    queryFn: () => callOrThrow('learning.stats', {}),
    staleTime: 10_000,
    networkMode: 'always',
  });
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: STATS_KEY }), [queryClient]);
  const s = stats.data;
  return (
    <section className="card" aria-labelledby="brand-model-title" data-testid="brand-model-section">
      <header>
        <h2 id="brand-model-title">Learning your customers’ words</h2>
        <p>
          Counterpart learns how your customers write from your past tickets, your Loop returns and every pick your team
          makes when it is unsure. What it learns stays in this browser and is sent nowhere.
        </p>
      </header>
      <div className="card-body">
        {stats.isError ? <Notice tone="bad">{stats.error.message}</Notice> : null}
        {s ? (
          <p data-testid="brand-model-counts">
            Learned from {s.examples.import} past tickets, {s.examples.loop} return comments and{' '}
            <strong>
              {s.examples.correction} {s.examples.correction === 1 ? 'pick' : 'picks'} by your team
            </strong>
            .
          </p>
        ) : null}

        <h3>Ticket intents</h3>
        {!s || s.intents.heldOut === 0 ? (
          <Empty>
            Not enough of your own tickets yet to measure. Import past tickets with their tags, or pick intents in the
            panel when Counterpart asks.
          </Empty>
        ) : (
          <>
            <p>
              On {s.intents.heldOut} of your tickets set aside (never learned from): right{' '}
              {pct(s.intents.overall.before)} of the time before, {pct(s.intents.overall.after)} now.
            </p>
            <AccuracyTable rows={s.intents.rows} name={intentName} label="Intent" testId="brand-model-intents" />
          </>
        )}

        <h3>Return reasons</h3>
        {!s || s.reasons.heldOut === 0 ? (
          <Empty>Not enough of your own return comments yet to measure. Import a Loop returns export.</Empty>
        ) : (
          <AccuracyTable rows={s.reasons.rows} name={reasonName} label="Reason" testId="brand-model-reasons" />
        )}

        <h3>Local engine and your AI model</h3>
        {!s || s.shadow.length === 0 ? (
          <Empty>
            No comparison yet. When an AI model is set up, each ticket’s answer is kept next to the local engine’s so
            you can see where they agree before relying on the model.
          </Empty>
        ) : (
          <table className="cp-table" aria-label="Agreement with the AI model" data-testid="brand-model-shadow">
            <thead>
              <tr>
                <th>Intent (the model’s answer)</th>
                <th>Tickets</th>
                <th>Local engine agrees</th>
              </tr>
            </thead>
            <tbody>
              {s.shadow.map((r) => (
                <tr key={r.intent}>
                  <td>{intentName(r.intent)}</td>
                  <td>{r.total}</td>
                  <td>{pct(r.agree / r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h3>Teach it</h3>
        <GorgiasImport onDone={refresh} />
        <FileImport
          title="Past tickets with your tags (CSV or JSON)"
          hint="One row per ticket: the customer’s message and its tag or Gorgias intent (for example “order status”)."
          kind="learning.importTickets"
          onDone={refresh}
        />
        <FileImport
          title="Loop returns export (CSV)"
          hint="The comments and reasons of your past returns."
          kind="learning.importLoop"
          onDone={refresh}
        />
        <details>
          <summary>Details</summary>
          <p className="cp-muted">
            A naive-Bayes model of your own examples sits beside the shipped engine; it counts more as it learns (a pick
            counts three times). One example in five is kept aside to measure on. Rows whose tag is not one of
            Counterpart’s intents are not used.
          </p>
        </details>
      </div>
    </section>
  );
}
