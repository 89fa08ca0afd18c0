import * as clock from '../../lib/clock';
import { db } from '../../lib/db/schema';
import { MessageError } from '../../lib/messaging/result';
import type { Handlers } from '../../lib/messaging/router';
import type { ReturnRecord } from '../../lib/returns/analytics';
import { ALERT_DEFAULTS, aggregatesToCsv } from '../../lib/returns/analytics';
import type { ReturnsConfig } from '../../lib/returns/config';
import { buildInsights } from '../../lib/returns/insights';
import { describeFlag, ruleName } from '../../lib/returns/presentation';
import { analyseLoopReturn, customerHistory, storedLines } from '../../lib/returns/service';
import { isReasonId } from '../../lib/returns/taxonomy';
import { brandSettings } from '../../lib/settings/items';
import { parseReturnsSettings, returnsSettings } from '../../lib/settings/returns';
import { loopReturnDataSchema } from '../../lib/sites/loop/schema';
import { aiProvider, loadAiSettings, localEngine } from './ai';
import { readTabSnapshot } from './tab-state';

/** The returns policy in force: saved settings, defaults filled, shop country and currency from the brand. */
async function loadReturnsConfig(): Promise<ReturnsConfig> {
  const brand = await brandSettings.getValue();
  return parseReturnsSettings(await returnsSettings.getValue(), brand);
}

/** Stored lines as analytics records (rows with an unknown reason are skipped, not guessed). */
async function loadRecords(): Promise<ReturnRecord[]> {
  const rows = await db().returns.toArray();
  const out: ReturnRecord[] = [];
  for (const r of rows) {
    if (typeof r.reason !== 'string' || !isReasonId(r.reason)) continue;
    if (typeof r.createdAt !== 'string' || typeof r.sku !== 'string') continue;
    out.push({
      id: r.id,
      returnId: String(r.returnId ?? ''),
      sku: r.sku,
      product: typeof r.product === 'string' ? r.product : r.sku,
      createdAt: r.createdAt,
      reason: r.reason,
    });
  }
  return out;
}

/** Background handlers of the returns process. */
export const returnsHandlers: Handlers = {
  'returns.analyse': async ({ draft }, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel analyses the return on screen.');
    const snapshot = await readTabSnapshot(sender.tabId);
    if (snapshot?.app !== 'loop' || snapshot.page !== 'return') {
      throw new MessageError('invalid_request', 'This tab does not show a Loop return.');
    }
    const parsed = loopReturnDataSchema.safeParse(snapshot.data);
    if (!parsed.success || parsed.data.items.length === 0) {
      throw new MessageError(
        'invalid_request',
        snapshot.missing[0] ?? 'Loop: returned items not found on return page; paste the return instead.',
      );
    }
    const data = parsed.data;
    const [config, brand, ai, lines] = await Promise.all([
      loadReturnsConfig(),
      brandSettings.getValue(),
      loadAiSettings(),
      db().returns.toArray(),
    ]);
    const history = customerHistory(
      lines.filter((l) => l.returnId !== data.return_id),
      data.customer.email,
      { returnId: data.return_id, orderNumber: data.order_number },
    );
    const provider = await aiProvider();
    const now = clock.now();
    const a = await analyseLoopReturn(data, {
      classifier: provider,
      drafter: draft === 'model' ? provider : localEngine(),
      config,
      brand: { name: brand.name, voice: brand.voice },
      vision: ai.mode === 'remote' && ai.vision,
      history,
      now,
    });
    const rows = storedLines(data, a, now);
    // Idempotent: the same return (or an imported line of it) is overwritten, never duplicated.
    await db().returns.bulkPut(rows);
    const cls = a.classification;
    const span = (e: { text: string; start: number; end: number; negated: boolean }) => ({
      text: e.text,
      start: e.start,
      end: e.end,
      negated: e.negated,
    });
    return {
      returnId: data.return_id,
      comment: data.comment,
      selectedReason: data.selected_reason,
      photos: data.photos.length,
      photosChecked: (a.case.photo_findings?.length ?? 0) > 0,
      classification: {
        reason: cls.reason,
        reasons: cls.reasons.map((r) => ({ id: r.id, confidence: r.confidence, evidence: r.evidence.map(span) })),
        dropdown: [...cls.dropdown],
        mismatch: cls.mismatch,
        safety: cls.safety.map(span),
        basis: cls.basis,
      },
      decision: {
        decision: a.decision.decision,
        rule: a.decision.rule,
        ruleName: ruleName(a.decision.rule),
        ruleText: a.decision.ruleText,
        humanReview: a.decision.humanReview.map((r) => ({ rule: r, text: describeFlag(r, config).text })),
        warehouse: a.decision.warehouse,
        disposition: a.decision.disposition,
        flags: a.decision.flags.map((f) => describeFlag(f, config)),
        value: a.decision.value,
        currency: config.currency,
        offers: a.decision.offers.map((o) => ({ ...o })),
        window: { ...a.decision.window },
      },
      reply: { ...a.reply, flagged: a.flagged },
      provider: a.provider,
      history,
      stored: rows.map((r) => r.id),
    };
  },

  'returns.recordOutcome': async (p, sender) => {
    if (sender.kind !== 'panel') throw new MessageError('forbidden', 'Only the panel records outcomes.');
    await db().audit.add({
      at: clock.nowIso(),
      kind: 'returns.decision',
      app: 'loop',
      entityId: p.returnId,
      intent: p.reason,
      provider: p.provider,
      model: p.model,
      action: p.action,
      suggestion: p.suggestion,
      note: [p.rating ? `rating: ${p.rating}` : null, `decision: ${p.decision} (${p.rule})`, p.note ?? null]
        .filter(Boolean)
        .join('; '),
    });
    return { recorded: true };
  },

  'returns.insights': async ({ by, period }) => {
    const records = await loadRecords();
    const insights = buildInsights(records, { by, period });
    const times = records.map((r) => r.createdAt).sort();
    return {
      lines: records.length,
      returns: new Set(records.map((r) => r.returnId)).size,
      firstAt: times[0] ?? null,
      lastAt: times[times.length - 1] ?? null,
      ...insights,
      test: { ...ALERT_DEFAULTS },
    };
  },

  'returns.exportCsv': async ({ by, period }) => {
    const records = await loadRecords();
    const { rows } = buildInsights(records, { by, period });
    const day = clock.utcDay(clock.now());
    return {
      csv: aggregatesToCsv(rows, by),
      fileName: `counterpart-return-reasons-by-${by}-${period}-${day}.csv`,
      rows: rows.length,
    };
  },

  'returns.getConfig': async () => loadReturnsConfig(),

  'returns.saveConfig': async ({ config }, sender) => {
    if (sender.kind !== 'page' || sender.path !== '/options.html') {
      throw new MessageError('forbidden', 'Only the options page changes the returns policy.');
    }
    await returnsSettings.setValue(config);
    return loadReturnsConfig();
  },
};
