import { browser } from 'wxt/browser';
import * as clock from '../../lib/clock';
import { evaluateIntents } from '../../lib/cs/brand-model';
import { classifyText } from '../../lib/cs/classify';
import { customerText } from '../../lib/cs/ticket';
import {
  addCorrection,
  importGorgiasExamples,
  importLoopReasons,
  importTaggedTickets,
  loadBrandExamples,
  shadowAgreement,
} from '../../lib/db/brand-model-store';
import { db } from '../../lib/db/schema';
import type { ResponseOf } from '../../lib/messaging/contract';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { Sender } from '../../lib/messaging/trust';
import { evaluateReasons } from '../../lib/returns/brand-reasons';
import { classifyReturn } from '../../lib/returns/classify';
import { returnWords } from '../../lib/returns/service';
import { readGorgiasHistory } from '../../lib/sites/gorgias/history';
import { gorgiasTicketCase } from '../../lib/sites/gorgias/to-ticket';
import { loopReturnOf } from '../../lib/sites/loop/to-return-case';
import { readTabSnapshot } from './tab-state';

/** The customer's words of the ticket the panel's tab shows (from its checked snapshot). */
async function panelTicketText(sender: Sender): Promise<string> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel picks for its ticket.');
  const found = gorgiasTicketCase(await readTabSnapshot(sender.tabId));
  if (!found) throw new MessageError('not_found', 'Open a Gorgias ticket to pick its intent.');
  return customerText(found.ticket);
}

/** The customer's comment of the Loop return the panel's tab shows (with the items' own comments). */
async function panelReturnComment(sender: Sender): Promise<string> {
  if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel picks for its return.');
  const page = loopReturnOf(await readTabSnapshot(sender.tabId));
  if (!page) throw new MessageError('not_found', 'Open a Loop return to pick its reason.');
  return returnWords(page);
}

type ImportProgress = ResponseOf<'learning.gorgiasImportStatus'>;

const IDLE: ImportProgress = {
  phase: 'idle',
  account: '',
  listed: 0,
  read: 0,
  toRead: 0,
  found: 0,
  imported: 0,
  waitSeconds: null,
  error: null,
};

/** The one Gorgias import at a time: its progress, and how to stop it. Kept in memory (the options page polls it). */
const job: { progress: ImportProgress; cancelled: boolean; resumeAt: number | null; stopWait: (() => void) | null } = {
  progress: IDLE,
  cancelled: false,
  resumeAt: null,
  stopWait: null,
};

function status(): ImportProgress {
  const p = job.progress;
  const left = job.resumeAt === null ? null : Math.max(0, Math.ceil((job.resumeAt - clock.now().getTime()) / 1000));
  return { ...p, waitSeconds: p.phase === 'waiting' ? left : null };
}

const onOptionsPage = (sender: Sender, what: string) => {
  if (sender.kind !== 'page' || sender.path !== '/options.html')
    throw new MessageError('forbidden', `Only the options page ${what}.`);
};

/** Runs one import: GETs through Gorgias' REST API with Basic auth (e-mail + key), never a write. */
async function runGorgiasImport(p: { account: string; email: string; apiKey: string; max: number }): Promise<void> {
  const origin = `https://${p.account}.gorgias.com`;
  const auth = `Basic ${btoa(`${p.email}:${p.apiKey}`)}`;
  const result = await readGorgiasHistory(
    {
      async get(path) {
        const res = await fetch(`${origin}${path}`, {
          method: 'GET',
          headers: { Authorization: auth, Accept: 'application/json' },
          credentials: 'omit',
        });
        const json = /json/i.test(res.headers.get('Content-Type') ?? '') ? ((await res.json()) as unknown) : null;
        return { status: res.status, retryAfter: res.headers.get('Retry-After'), json };
      },
      wait: (ms) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(done, ms);
          function done() {
            clearTimeout(timer);
            job.stopWait = null;
            resolve();
          }
          job.stopWait = done;
        }),
      now: () => clock.now().getTime(),
    },
    { max: p.max, cancelled: () => job.cancelled },
    (pr) => {
      job.resumeAt = pr.resumeAt;
      job.progress = { ...job.progress, ...pr, waitSeconds: null };
    },
  );
  // What was read is kept, also when the run was cancelled or failed half-way.
  const saved = result.examples.length
    ? await importGorgiasExamples(db(), result.examples, { account: p.account, at: clock.nowIso() })
    : { imported: 0 };
  job.progress = { ...job.progress, ...result.progress, imported: saved.imported, waitSeconds: null };
  job.resumeAt = null;
}

const corrections = () => db().brandExamples.where('source').equals('correction').count();

/** Background handlers of the per-brand model (issue 15). */
export const brandModelHandlers: Handlers = {
  'learning.pickIntent': async ({ intent }, sender) => {
    const text = await panelTicketText(sender);
    await addCorrection(db(), { kind: 'intent', text, label: intent, was: classifyText(text).intent }, clock.nowIso());
    return { recorded: true, corrections: await corrections() };
  },

  'learning.pickReason': async ({ reason }, sender) => {
    const text = await panelReturnComment(sender);
    if (!text) throw new MessageError('invalid_request', 'This return has no comment to learn from.');
    const was = classifyReturn({ comment: text, selectedReason: null }).reason;
    await addCorrection(db(), { kind: 'reason', text, label: reason, was }, clock.nowIso());
    return { recorded: true, corrections: await corrections() };
  },

  'learning.stats': async () => {
    const examples = await loadBrandExamples(db());
    const count = (s: string) => examples.filter((e) => e.source === s).length;
    return {
      examples: { import: count('import'), loop: count('loop'), correction: count('correction') },
      intents: evaluateIntents(examples),
      reasons: evaluateReasons(examples),
      shadow: await shadowAgreement(db()),
    };
  },

  'learning.importTickets': async (file) => importTaggedTickets(db(), file, clock.nowIso()),

  'learning.gorgiasImportStart': async (p, sender) => {
    onOptionsPage(sender, 'imports past tickets');
    if (['listing', 'reading', 'waiting'].includes(job.progress.phase))
      throw new MessageError('invalid_request', 'An import from Gorgias is already running.');
    const origin = `https://${p.account}.gorgias.com/api/*`;
    if (!(await browser.permissions.contains({ origins: [origin] })))
      throw new MessageError('forbidden', `Counterpart may not contact ${p.account}.gorgias.com: allow it when asked.`);
    job.cancelled = false;
    job.resumeAt = null;
    job.progress = { ...IDLE, phase: 'listing', account: p.account };
    void runGorgiasImport(p).catch((error: unknown) => {
      job.progress = {
        ...job.progress,
        phase: 'failed',
        error: (error instanceof Error ? error.message : String(error)).slice(0, 300),
      };
    });
    return status();
  },

  'learning.gorgiasImportStatus': async (_p, sender) => {
    onOptionsPage(sender, 'follows the import');
    return status();
  },

  'learning.gorgiasImportCancel': async (_p, sender) => {
    onOptionsPage(sender, 'stops the import');
    job.cancelled = true;
    job.stopWait?.();
    return status();
  },

  'learning.importLoop': async (file) => importLoopReasons(db(), file, clock.nowIso()),
};
