/**
 * Host-page overhead of the content scripts, and how soon the panel is ready.
 *
 *   npm run build && npx tsx bench/host-overhead.ts          # REPS=7 by default; LABEL=before|after
 *
 * Two Chromium profiles side by side, one with the built extension (`.output/chrome-mv3`) and one
 * without, load the realistic host pages of `bench/host-pages.ts` (routed with `context.route`,
 * nothing goes to the network) in alternation, REPS times each:
 *   - a 200-message Gorgias thread, a 100-variant Shopify product, a full Seller Central editor,
 *     a 10-item Loop return (full loads), and a SPA navigation to the next Gorgias ticket (the
 *     fixture renders the new ticket 120 ms after the URL changes, as the app does after its fetch).
 *   - Main-thread time: a DevTools Protocol trace (`Tracing.start`, devtools.timeline categories)
 *     from navigation until 3 s after the load event (and at least 1 s after the panel was ready);
 *     the top-level task slices (`RunTask`, merged so nested slices count once) of the host page's
 *     renderer main thread (CrRendererMain of the process that committed the host URL) are summed
 *     on the thread (CPU) clock (`tts`/`tdur`): on a shared machine the wall-clock durations mostly
 *     measure waiting for a core. Wall-clock sums are kept in `raw` too. The panel is an extension
 *     frame in another process and is not counted.
 *   - Added time = (with − without) / without of the same repetition pair; min / median / max.
 *   - Panel ready: the first time the panel frame shows triage + draft (Gorgias), the decision (Loop),
 *     the listing check (Seller Central: the verdict with its counts; Shopify: channel readiness), as
 *     `performance.timeOrigin + performance.now()` in the panel frame, against the host page's load
 *     event (`loadEventStart` of its navigation entry), both from navigation start:
 *     `panel_ready_over_load` uses the load event of the same page (with the extension; the panel
 *     frame is part of the page, so a slow frame also delays it), `panel_ready_over_own_load` the
 *     load event of the page without the extension in the same repetition (the stricter figure), and
 *     `load_with_over_without` how much later the page's load event fires with the extension.
 *   - SPA: ms from the new ticket having rendered (stamped by the page right after its render) to
 *     the content script's snapshot of ticket 4102 reaching the background (`publishMs`: the content
 *     script's part), to the panel showing ticket 4102 (record), and to its triage + a new draft.
 *
 * Writes bench/results/host-overhead.json (merged per LABEL) with `os.loadavg()` before and after:
 * 8 engineers share 2 cores, so single figures move with the load; the ratios are per pair.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { launchExtension } from '../e2e/support/launch';
import { chromiumArgs, chromiumPath, ROOT } from '../e2e/support/paths';
import { amazonPage, gorgiasPage, loopPage, shopifyPage } from './host-pages';

const REPS = Number(process.env.REPS ?? 7);
const LABEL = process.env.LABEL ?? 'after';
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 3000);
const SPA_DELAY_MS = 120;
const OUT = path.join(ROOT, 'bench/results/host-overhead.json');

type AppKey = 'gorgias' | 'shopify' | 'amazon' | 'loop';
const PAGES: Record<AppKey, { url: string; html: string }> = {
  gorgias: { url: 'https://acme.gorgias.com/app/views/123/4101', html: spaDelay(gorgiasPage()) },
  shopify: { url: 'https://admin.shopify.com/store/demo-shop/products/8123456789', html: shopifyPage() },
  amazon: {
    url: 'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=TEE-CL-BLK-M&asin=B0CXYZ1234&productType=SHIRT',
    html: amazonPage(),
  },
  loop: { url: 'https://admin.loopreturns.com/returns/48213577', html: loopPage() },
};

/** The generated Gorgias page renders a navigated-to ticket after a delay (the app fetches it first) and stamps when. */
function spaDelay(html: string): string {
  const from = `  function navigate(path) {
    history.pushState({}, '', path);
    render();
  }`;
  if (!html.includes(from)) throw new Error('gorgias fixture: navigate() changed');
  return html.replace(
    from,
    `  function navigate(path) {
    history.pushState({}, '', path);
    setTimeout(() => { render(); window.__renderedAt = performance.timeOrigin + performance.now(); }, ${SPA_DELAY_MS});
  }`,
  );
}

/** Runs in every frame; in the panel it logs each change of what the panel shows, with its time. */
const PANEL_PROBE = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/panel.html')) return;
  const log = (window.__probe = []);
  let last = '';
  const text = (sel) => (document.querySelector(sel)?.textContent || '').trim();
  const check = () => {
    const s = {
      record: text('[data-testid="panel-record"]'),
      intent: text('[data-testid="cs-intent"]').length > 0,
      draft: text('[data-testid="draft-text"]').slice(0, 120),
      decision: !!document.querySelector('[data-testid="decision"]'),
      // The listing check's verdict with its counts (the panel's 'Violations by field' section became it).
      violations: !!document.querySelector('[data-testid="listing-counts"], section[aria-label="Violations by field"]'),
      readiness: !!document.querySelector('[data-testid="channel-readiness"]'),
    };
    const key = JSON.stringify(s);
    if (key !== last) { last = key; log.push({ t: performance.timeOrigin + performance.now(), s }); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

interface ProbeEntry {
  t: number;
  s: { record: string; intent: boolean; draft: string; decision: boolean; violations: boolean; readiness: boolean };
}

const READY: Record<AppKey, (s: ProbeEntry['s']) => boolean> = {
  gorgias: (s) => s.record.includes('4101') && s.intent && s.draft.length > 0,
  shopify: (s) => s.readiness,
  amazon: (s) => s.violations,
  loop: (s) => s.decision,
};

async function routePages(context: BrowserContext): Promise<void> {
  // Registered after the fixture routes, so these answer first (Playwright runs the newest match first).
  for (const p of Object.values(PAGES)) {
    const u = new URL(p.url);
    await context.route(
      (url) =>
        url.hostname === u.hostname &&
        url.pathname.split('/').slice(0, 3).join('/') === u.pathname.split('/').slice(0, 3).join('/'),
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }),
    );
  }
  await context.addInitScript(PANEL_PROBE);
}

interface Session {
  context: BrowserContext;
  /** With the extension: its service worker, where the content script's publishes arrive. */
  worker?: Worker;
  close(): Promise<void>;
}

/**
 * A second listener in the background that stamps each `snapshot.publish` as it arrives: the
 * content script's part of the SPA latency (notice the render, read, structured read, send) ends
 * there; the rest (store, notify, the panel's queries and render) is the background's and the panel's.
 */
const PUBLISH_PROBE = () => {
  const g = globalThis as unknown as {
    __publishes?: Array<{ t: number; entityId: unknown }>;
    chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => undefined): void } } };
  };
  if (g.__publishes) return;
  const log: Array<{ t: number; entityId: unknown }> = [];
  g.__publishes = log;
  g.chrome.runtime.onMessage.addListener((m) => {
    const msg = m as { type?: string; payload?: { entityId?: unknown } } | null;
    if (msg?.type === 'snapshot.publish')
      log.push({ t: performance.timeOrigin + performance.now(), entityId: msg.payload?.entityId });
    return undefined;
  });
};

async function publishes(session: Session): Promise<Array<{ t: number; entityId: unknown }>> {
  if (!session.worker) return [];
  await session.worker.evaluate(PUBLISH_PROBE).catch(() => undefined);
  return session.worker
    .evaluate(
      () => (globalThis as unknown as { __publishes?: Array<{ t: number; entityId: unknown }> }).__publishes ?? [],
    )
    .catch(() => []);
}

async function withoutExtension(): Promise<Session> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'counterpart-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: chromiumArgs(),
  });
  await routePages(context);
  return {
    context,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function withExtension(): Promise<Session> {
  const s = await launchExtension({ grantLocalHosts: false, viewport: { width: 1366, height: 768 } });
  await routePages(s.context);
  await s.worker.evaluate(PUBLISH_PROBE);
  return { context: s.context, worker: s.worker, close: () => s.close() };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) clock start and duration: what the thread ran, not how long it waited for a core. */
  tts?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: { url?: string } };
}

async function startTrace(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', '__metadata'],
    },
  } as never);
  return {
    async stop(): Promise<TraceEvent[]> {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

/** Main-thread busy ms of the renderer that shows `host` (merged top-level task slices). */
function mainThreadMs(
  events: TraceEvent[],
  host: string,
  knownPids: Set<number>,
): { ms: number; wallMs: number; cpu: boolean; pids: Set<number> } {
  const pids = new Set(knownPids);
  const matches = (u: unknown) => typeof u === 'string' && u.includes(host);
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'TracingStartedInBrowser')
      for (const f of (d?.frames as Array<{ url?: string; processId?: number }> | undefined) ?? [])
        if (matches(f.url) && f.processId) pids.add(f.processId);
    if (
      (e.name === 'FrameCommittedInBrowser' || e.name === 'CommitLoad') &&
      matches(d?.url) &&
      typeof d?.processId === 'number'
    )
      pids.add(d.processId);
    if (e.name === 'ParseHTML' && matches(e.args?.beginData?.url)) pids.add(e.pid);
  }
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      mains.add(`${e.pid}:${e.tid}`);
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
      mains.has(`${e.pid}:${e.tid}`) &&
      typeof e.dur === 'number',
  );
  // Nested task slices count once: merge intervals, on the thread clock when the trace has it.
  const merged = (start: (e: TraceEvent) => number | undefined, len: (e: TraceEvent) => number | undefined) => {
    const slices = tasks
      .filter((e) => typeof start(e) === 'number' && typeof len(e) === 'number')
      .map((e) => [start(e) as number, (start(e) as number) + (len(e) as number)] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    let sum = 0;
    let end = Number.NEGATIVE_INFINITY;
    for (const [s, e] of slices) {
      if (e <= end) continue;
      sum += e - Math.max(s, end);
      end = e;
    }
    return sum;
  };
  const wall = merged(
    (e) => e.ts,
    (e) => e.dur,
  );
  const hasCpu = tasks.some((e) => typeof e.tdur === 'number');
  const total = hasCpu
    ? merged(
        (e) => e.tts,
        (e) => e.tdur,
      )
    : wall;
  if (process.env.DEBUG) {
    const byName = new Map<string, number>();
    for (const e of events)
      if (
        mains.has(`${e.pid}:${e.tid}`) &&
        e.ph === 'X' &&
        typeof e.dur === 'number' &&
        e.name !== 'RunTask' &&
        e.name !== 'ThreadControllerImpl::RunTask'
      )
        byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    console.error(
      host,
      [...mains],
      Math.round(total / 1000),
      JSON.stringify(
        [...byName]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, v]) => [k, Math.round(v)]),
      ),
    );
  }
  return { ms: total / 1000, wallMs: wall / 1000, cpu: hasCpu, pids };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(page: Page): Promise<ProbeEntry[]> {
  const frame = page.frames().find((f) => f.url().includes('/panel.html'));
  if (!frame) return [];
  return frame.evaluate(() => (window as unknown as { __probe?: ProbeEntry[] }).__probe ?? []).catch(() => []);
}

async function waitProbe(page: Page, pred: (log: ProbeEntry[]) => number | null, timeout = 20_000) {
  const t0 = Date.now();
  for (;;) {
    const hit = pred(await probe(page));
    if (hit !== null) return hit;
    if (Date.now() - t0 > timeout) return null;
    await wait(50);
  }
}

interface LoadResult {
  mainMs: number;
  wallMs: number;
  loadMs: number;
  readyMs: number | null;
  pids: Set<number>;
}

async function measureLoad(session: Session, app: AppKey, withExt: boolean): Promise<{ page: Page; r: LoadResult }> {
  const page = await session.context.newPage();
  const trace = await startTrace(session.context, page);
  await page.goto(PAGES[app].url, { waitUntil: 'load' });
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { origin: performance.timeOrigin, load: e.loadEventStart };
  });
  let readyMs: number | null = null;
  if (withExt) {
    const at = await waitProbe(page, (log) => log.find((x) => READY[app](x.s))?.t ?? null);
    readyMs = at === null ? null : at - nav.origin;
  }
  const until = Math.max(nav.load + SETTLE_MS, (readyMs ?? 0) + 1000);
  const now = await page.evaluate(() => performance.now());
  if (until > now) await wait(until - now);
  const events = await trace.stop();
  const { ms, wallMs, pids } = mainThreadMs(events, new URL(PAGES[app].url).hostname, new Set());
  return { page, r: { mainMs: ms, wallMs, loadMs: nav.load, readyMs, pids } };
}

async function measureSpa(session: Session, page: Page, pids: Set<number>, withExt: boolean) {
  const before = withExt ? (await probe(page)).length : 0;
  const trace = await startTrace(session.context, page);
  await page.evaluate(() =>
    (window as unknown as { __fixtureNavigate(p: string): void }).__fixtureNavigate('/app/views/123/4102'),
  );
  await page.waitForFunction(() => (window as unknown as { __renderedAt?: number }).__renderedAt);
  const rendered = await page.evaluate(() => (window as unknown as { __renderedAt: number }).__renderedAt);
  let recordMs: number | null = null;
  let readyMs: number | null = null;
  let publishMs: number | null = null;
  if (withExt) {
    const prevDraft = (await probe(page))[before - 1]?.s.draft ?? '';
    const rec = await waitProbe(page, (log) => log.slice(before).find((x) => x.s.record.includes('4102'))?.t ?? null);
    recordMs = rec === null ? null : rec - rendered;
    const ready = await waitProbe(
      page,
      (log) =>
        log.slice(before).find((x) => x.s.record.includes('4102') && x.s.intent && x.s.draft && x.s.draft !== prevDraft)
          ?.t ?? null,
    );
    readyMs = ready === null ? null : ready - rendered;
    const pub = (await publishes(session)).find((p) => p.entityId === '4102' && p.t > rendered - 1000);
    publishMs = pub ? pub.t - rendered : null;
  }
  await wait(SETTLE_MS);
  const events = await trace.stop();
  const { ms, wallMs } = mainThreadMs(events, 'gorgias.com', pids);
  return { mainMs: ms, wallMs, recordMs, readyMs, publishMs };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
function stats(xs: Array<number | null>, round = r1) {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid =
    v.length % 2
      ? (v[(v.length - 1) / 2] as number)
      : ((v[v.length / 2 - 1] as number) + (v[v.length / 2] as number)) / 2;
  return { min: round(v[0] as number), median: round(mid), max: round(v[v.length - 1] as number), n: v.length };
}

async function main() {
  const loadBefore = os.loadavg();
  const without = await withoutExtension();
  const withExt = await withExtension();
  const raw: Record<string, Array<Record<string, number | null>>> = {};
  const push = (k: string, v: Record<string, number | null>) => {
    raw[k] = raw[k] ?? [];
    raw[k]?.push(v);
  };
  // Warm-up: first database open, first panel load.
  for (const app of Object.keys(PAGES) as AppKey[]) {
    for (const [s, ext] of [
      [without, false],
      [withExt, true],
    ] as const) {
      const { page } = await measureLoad(s, app, ext);
      await page.close();
    }
  }
  for (let rep = 0; rep < REPS; rep++) {
    for (const app of Object.keys(PAGES) as AppKey[]) {
      // Alternate which goes first so drift in the load does not favour one side.
      const order =
        rep % 2
          ? ([
              [withExt, true],
              [without, false],
            ] as const)
          : ([
              [without, false],
              [withExt, true],
            ] as const);
      const res: Partial<Record<'with' | 'without', LoadResult>> = {};
      const spa: Partial<Record<'with' | 'without', Awaited<ReturnType<typeof measureSpa>>>> = {};
      for (const [s, ext] of order) {
        const { page, r } = await measureLoad(s, app, ext);
        res[ext ? 'with' : 'without'] = r;
        if (app === 'gorgias') spa[ext ? 'with' : 'without'] = await measureSpa(s, page, r.pids, ext);
        await page.close();
      }
      const w = res.with as LoadResult;
      const wo = res.without as LoadResult;
      push(app, {
        withoutMs: r1(wo.mainMs),
        withMs: r1(w.mainMs),
        added: r3((w.mainMs - wo.mainMs) / wo.mainMs),
        withoutWallMs: r1(wo.wallMs),
        withWallMs: r1(w.wallMs),
        loadMs: r1(w.loadMs),
        ownLoadMs: r1(wo.loadMs),
        readyMs: w.readyMs === null ? null : r1(w.readyMs),
        readyRatio: w.readyMs === null ? null : r3(w.readyMs / w.loadMs),
        readyOverOwnLoad: w.readyMs === null ? null : r3(w.readyMs / wo.loadMs),
        loadDelay: r3(w.loadMs / wo.loadMs),
      });
      if (app === 'gorgias' && spa.with && spa.without)
        push('gorgias-spa', {
          withoutMs: r1(spa.without.mainMs),
          withMs: r1(spa.with.mainMs),
          added: r3((spa.with.mainMs - spa.without.mainMs) / spa.without.mainMs),
          withoutWallMs: r1(spa.without.wallMs),
          withWallMs: r1(spa.with.wallMs),
          recordMs: spa.with.recordMs === null ? null : r1(spa.with.recordMs),
          publishMs: spa.with.publishMs === null ? null : r1(spa.with.publishMs),
          readyMs: spa.with.readyMs === null ? null : r1(spa.with.readyMs),
        });
      console.error(
        `rep ${rep + 1}/${REPS} ${app}`,
        JSON.stringify(raw[app]?.at(-1)),
        app === 'gorgias' ? JSON.stringify(raw['gorgias-spa']?.at(-1)) : '',
      );
    }
  }
  await withExt.close();
  await without.close();
  const summary: Record<string, unknown> = {};
  for (const [k, rows] of Object.entries(raw)) {
    const col = (c: string) => rows.map((r) => r[c] ?? null);
    summary[k] =
      k === 'gorgias-spa'
        ? {
            added_main_thread: stats(col('added'), r3),
            host_main_ms: stats(col('withoutMs')),
            with_ext_main_ms: stats(col('withMs')),
            content_publish_after_render_ms: stats(col('publishMs')),
            panel_record_after_render_ms: stats(col('recordMs')),
            panel_triage_draft_after_render_ms: stats(col('readyMs')),
          }
        : {
            added_main_thread: stats(col('added'), r3),
            host_main_ms: stats(col('withoutMs')),
            with_ext_main_ms: stats(col('withMs')),
            host_load_ms: stats(col('loadMs')),
            host_own_load_ms: stats(col('ownLoadMs')),
            load_with_over_without: stats(col('loadDelay'), r3),
            panel_ready_ms: stats(col('readyMs')),
            panel_ready_over_load: stats(col('readyRatio'), r3),
            panel_ready_over_own_load: stats(col('readyOverOwnLoad'), r3),
          };
  }
  const result = {
    label: LABEL,
    reps: REPS,
    settle_ms: SETTLE_MS,
    spa_render_delay_ms: SPA_DELAY_MS,
    loadavg_before: loadBefore.map((x) => Math.round(x * 100) / 100),
    loadavg_after: os.loadavg().map((x) => Math.round(x * 100) / 100),
    cpus: os.cpus().length,
    summary,
    raw,
  };
  console.log(JSON.stringify(result, null, 2));
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(OUT, 'utf8')) as Record<string, unknown>;
  } catch {}
  all[LABEL] = result;
  await writeFile(OUT, `${JSON.stringify(all, null, 2)}\n`);
}

await main();
