import type { Page } from '@playwright/test';
import type { ExtensionSession } from './support/launch';
import type { PanelObject } from './support/pages';
import { expect, resetExtension, test } from './support/test';

const ticketUrl = (id: string) => `https://acme.gorgias.com/app/views/123/${id}`;

/** The CS sections of the panel: triage and the draft. */
function cs(panel: PanelObject) {
  const f = panel.frame;
  return {
    triage: f.getByRole('region', { name: 'Ticket triage' }),
    intent: f.getByTestId('cs-intent'),
    tier: f.getByTestId('cs-tier'),
    reasons: f.getByTestId('cs-tier-reasons'),
    signals: f.getByTestId('cs-signals'),
    draft: f.getByTestId('draft-text'),
    citations: f.getByTestId('citation-chip'),
    insert: f.getByRole('button', { name: 'Insert', exact: true }),
  };
}

const editorText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __editorState: { text: string } }).__editorState.text);

const optionsUrl = (id: string) => `chrome-extension://${id}/options.html`;

/** Actions in the audit log, read from the service worker's IndexedDB. */
function auditActions(session: ExtensionSession): Promise<string[]> {
  return session.worker.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('counterpart');
        req.onsuccess = () => {
          const all = req.result.transaction('audit', 'readonly').objectStore('audit').getAll();
          all.onsuccess = () => {
            resolve((all.result as Array<{ action: string }>).map((r) => r.action));
            req.result.close();
          };
        };
      }),
  );
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/cs-${name}.png` });
}

test.describe('customer-service triage on Gorgias tickets', () => {
  test('4101 WISMO: order status, autonomous, draft cites the order and the tracking number', async ({
    page,
    panel,
  }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.intent).toHaveAttribute('data-intent', 'order_status');
    await expect(p.intent).toHaveText('Order status');
    await expect(p.tier).toHaveText('Autonomous');
    await expect(p.reasons).toContainText('A routine order status question from a calm customer');
    // Plain words first (issue 17 point 7): no intent ids, scores, thresholds or engine ids on show…
    const triage = panel.frame.getByRole('region', { name: 'Ticket triage' });
    for (const jargon of ['order_status', '≥', '0.80', 'rules-v1', ' ms'])
      await expect(triage.getByText(jargon, { exact: false }).filter({ visible: true })).toHaveCount(0);
    await expect(panel.frame.getByTestId('draft-provenance')).toContainText('Written by Counterpart’s built-in engine');
    await expect(
      panel.frame.getByTestId('draft-provenance').getByText('rules-v1', { exact: false }).filter({ visible: true }),
    ).toHaveCount(0);
    // …and one click away under "Details".
    await triage.getByText('Details', { exact: true }).click();
    await expect(panel.frame.getByTestId('cs-gate-reasons')).toContainText(/order_status at 0\.\d\d ≥ 0\.80/);
    await panel.frame.getByTestId('draft-provenance').getByText('Details', { exact: true }).click();
    await expect(panel.frame.getByTestId('draft-provenance-details')).toContainText('rules-v1');
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await expect(p.citations.filter({ hasText: '#1047' })).toHaveCount(1);
    await expect(p.citations.filter({ hasText: '1Z999AA10123456784' }).first()).toBeVisible();
    await shot(page, '4101');
  });

  test('4102 double charge: billing, assisted because money is involved', async ({ page, panel }) => {
    await page.goto(ticketUrl('4102'));
    const p = cs(panel);
    await expect(p.intent).toHaveAttribute('data-intent', 'billing');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.signals).toContainText('Money involved');
    await expect(p.reasons).toContainText('It involves money, so a person decides.');
    await expect(p.draft).toContainText('#1052');
    await expect(p.citations.first()).toBeVisible();
    await shot(page, '4102');
  });

  test('4103 Instagram size question: size & fit, assisted', async ({ page, panel }) => {
    await page.goto(ticketUrl('4103'));
    const p = cs(panel);
    await expect(p.intent).toHaveAttribute('data-intent', 'size_fit');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.reasons).toContainText('Size & fit replies always need your review.');
    await expect(p.draft).not.toBeEmpty();
    await expect(p.citations.first()).toBeVisible();
    await shot(page, '4103');
  });

  test('4104 angry late delivery: assisted with the angry customer as a reason', async ({ page, panel }) => {
    await page.goto(ticketUrl('4104'));
    const p = cs(panel);
    await expect(p.intent).toHaveAttribute('data-intent', 'delivery_late');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.signals).toContainText('Upset customer');
    await expect(p.reasons).toContainText('The customer is upset.');
    await expect(p.citations.first()).toBeVisible();
    await shot(page, '4104');
  });

  test('4105 injection attempt: escalated with a warning and a holding reply', async ({ page, panel }) => {
    await page.goto(ticketUrl('4105'));
    const p = cs(panel);
    await expect(p.tier).toHaveText('Escalate');
    await expect(p.reasons).toContainText('instructions aimed at an AI assistant');
    await expect(panel.frame.getByTestId('cs-injection')).toBeVisible();
    await expect(p.draft).toContainText('senior member of our team');
    await expect(p.draft).not.toContainText(/refund/i);
    await expect(p.citations.filter({ hasText: 'Escalation' })).toHaveCount(1);
    await shot(page, '4105');
  });

  test('4106 German WISMO without an order widget: says the widget is missing, drafts in German', async ({
    page,
    panel,
  }) => {
    await page.goto(ticketUrl('4106'));
    const p = cs(panel);
    await expect(panel.text('Gorgias: order widget not found on ticket view')).toBeVisible();
    await expect(panel.frame.getByTestId('cs-no-order')).toBeVisible();
    await expect(p.intent).toHaveAttribute('data-intent', 'order_status');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.reasons).toContainText('No order was found on the ticket.');
    await expect(p.signals).toContainText('German');
    await expect(p.draft).toContainText('Bestellnummer');
    await shot(page, '4106');
  });

  test('Insert puts the draft into the editor’s own state and enables Send; the sent reply is captured', async ({
    page,
    panel,
    session,
  }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    const draft = (await p.draft.textContent()) ?? '';
    await p.insert.click();
    await expect(panel.frame.getByTestId('draft-action-result')).toContainText('Inserted');
    await expect.poll(() => editorText(page)).toBe(draft);
    const send = page.getByRole('button', { name: 'Send', exact: true });
    await expect(send).toBeEnabled();
    await send.click();
    // The new agent message in the thread is compared with the draft and logged as sent.
    await expect
      .poll(() =>
        session.worker.evaluate(
          () =>
            new Promise<string[]>((resolve) => {
              const req = indexedDB.open('counterpart');
              req.onsuccess = () => {
                const tx = req.result.transaction('audit', 'readonly');
                const all = tx.objectStore('audit').getAll();
                all.onsuccess = () => {
                  resolve((all.result as Array<{ action: string }>).map((r) => r.action));
                  req.result.close();
                };
              };
            }),
        ),
      )
      .toContain('sent');
  });

  test('Edit before insert, then Bad feedback with a reason, are recorded', async ({ page, panel, session }) => {
    await page.goto(ticketUrl('4103'));
    const p = cs(panel);
    await expect(p.draft).not.toBeEmpty();
    await panel.frame.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = panel.frame.getByRole('textbox', { name: 'Edit the draft' });
    await box.fill('Hi Lena, it runs about half a size small — we suggest sizing up. Sam');
    await panel.frame.getByRole('button', { name: 'Done editing' }).click();
    await expect(p.draft).toHaveText('Hi Lena, it runs about half a size small — we suggest sizing up. Sam');
    await p.insert.click();
    await expect
      .poll(() => editorText(page))
      .toBe('Hi Lena, it runs about half a size small — we suggest sizing up. Sam');
    await panel.frame.getByRole('button', { name: 'Bad draft' }).click();
    await panel.frame.getByRole('textbox', { name: 'What was wrong?' }).fill('too generic');
    await panel.frame.getByRole('button', { name: 'Send feedback' }).click();
    await expect(panel.frame.getByText('Thanks — feedback recorded (bad).')).toBeVisible();
    await expect
      .poll(() => auditActions(session))
      .toEqual(expect.arrayContaining(['shown', 'edited', 'inserted', 'feedback']));
  });

  test('navigating to the next ticket updates the panel', async ({ page, panel }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.intent).toHaveAttribute('data-intent', 'order_status');
    await page.locator('.ticket-list a[href$="/4102"]').click();
    await expect(panel.record).toContainText('4102');
    await expect(p.intent).toHaveAttribute('data-intent', 'billing');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.draft).toContainText('#1052');
  });

  test('Insert twice leaves one copy; a second Insert keeps what the agent typed and replaces only the draft', async ({
    page,
    panel,
  }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    const draft = (await p.draft.textContent()) ?? '';
    await p.insert.click();
    await expect.poll(() => editorText(page)).toBe(draft);
    await p.insert.click();
    await expect(panel.frame.getByTestId('draft-action-result')).toContainText('Inserted');
    await expect.poll(() => editorText(page)).toBe(draft);
    // The agent adds a line at the end of the editor, then presses Insert again.
    await page.locator('.public-DraftEditor-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Thanks again!');
    await expect.poll(() => editorText(page)).toBe(`${draft} Thanks again!`);
    await p.insert.click();
    await expect.poll(() => editorText(page)).toBe(`${draft} Thanks again!`);
  });

  test('Insert is on screen at 1366×768 without scrolling the panel', async ({ page, panel }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await expect(p.insert).toBeInViewport();
    const box = await p.insert.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await shot(page, 'insert-1366x768');
  });

  test('the draft signs with the Signature set in the options page', async ({ page, panel, session }) => {
    await page.goto(optionsUrl(session.extensionId));
    await page.getByRole('textbox', { name: 'Signature' }).fill('Rita, Acme support');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await expect(p.draft).toContainText(/Best,\s*Rita, Acme support$/);
    await expect(p.draft).not.toContainText('Sam at');
  });

  test('a shipped order’s draft quotes the one delivery-time sentence of the shipping policy, not all of it', async ({
    page,
    panel,
  }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await expect(p.draft).toContainText('Standard shipping in the US takes 3–5 business days');
    await expect(p.draft).not.toContainText('from our warehouse');
    await expect(p.draft).not.toContainText('International orders');
    const policyChips = p.citations.filter({ hasText: 'Policy' });
    await expect(policyChips).toHaveCount(1);
    await expect(policyChips).toHaveAttribute(
      'title',
      'Standard shipping in the US takes 3–5 business days; express takes 1–2 business days.',
    );
    await expect(panel.frame.getByTestId('draft-note')).toHaveCount(0);
  });

  test('a fresh install has no brand data: drafts quote no policy, say which is missing, sign as the support team', async ({
    page,
    panel,
    session,
  }) => {
    await resetExtension(session, { noBrand: true });
    await page.goto(optionsUrl(session.extensionId));
    for (const name of ['Brand name', 'Signature', 'Return policy', 'Shipping policy', 'Refund policy'])
      await expect(page.getByRole('textbox', { name })).toHaveValue('');
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await expect(p.draft).not.toContainText(/business days|Northwind|Sam/);
    await expect(p.draft).toContainText(/Best,\s*The support team$/);
    await expect(p.citations.filter({ hasText: 'Policy' })).toHaveCount(0);
    await expect(panel.frame.getByTestId('draft-note')).toHaveText(
      'No shipping policy is set, so this draft quotes none. Add your shipping policy in Options to have it quoted.',
    );
    await shot(page, 'no-policy');
  });

  test('shadow mode set in the options page hides the draft and shows the shadow badge', async ({
    page,
    panel,
    session,
  }) => {
    await page.goto(optionsUrl(session.extensionId));
    await page.getByRole('radio', { name: /^Shadow/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.intent).toHaveAttribute('data-intent', 'order_status');
    await expect(panel.frame.getByTestId('cs-shadow-badge')).toHaveText('Shadow');
    await expect(panel.frame.getByTestId('cs-shadow-note')).toBeVisible();
    await expect(panel.frame.getByTestId('draft-card')).toHaveCount(0);
    // The draft was still made and logged (for the statistics).
    await expect.poll(() => auditActions(session)).toContain('shown');
  });

  test('autonomous mode places the draft of a tier-autonomous ticket in the editor once; others stay manual', async ({
    page,
    panel,
    session,
  }) => {
    await page.goto(optionsUrl(session.extensionId));
    // Money intents cannot be ticked.
    await expect(page.getByRole('checkbox', { name: /^Refund/ })).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: /^Billing/ })).toBeDisabled();
    await page.getByRole('radio', { name: /^Autonomous/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.tier).toHaveText('Autonomous');
    await expect(panel.frame.getByTestId('draft-action-result')).toContainText('Placed in the reply editor');
    await expect.poll(() => editorText(page)).toContain('1Z999AA10123456784');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
    await page.locator('.ticket-list a[href$="/4102"]').click();
    await expect(p.intent).toHaveAttribute('data-intent', 'billing');
    await expect(p.draft).toContainText('#1052');
    await expect(panel.frame.getByTestId('draft-action-result')).toHaveCount(0);
  });

  test('the options page lists outcomes per intent and imports past replies with a rejected-rows report', async ({
    page,
    panel,
    session,
  }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await p.insert.click();
    await expect(panel.frame.getByTestId('draft-action-result')).toContainText('Inserted');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => auditActions(session)).toContain('sent');
    await page.goto(optionsUrl(session.extensionId));
    const table = page.getByRole('table', { name: 'Draft outcomes by intent' });
    await expect(table.getByRole('row', { name: /Order status/ })).toContainText('100%');
    const csv = [
      'Ticket ID,Subject,Customer message,Agent reply,Tags',
      '9001,Where is my parcel,Where is my order?,Hi! Your order shipped yesterday.,wismo',
      '9002,Refund,I want my money back,,refund',
      '9003,Size,Does it run small?,It runs true to size.,size',
    ].join('\n');
    await page
      .getByLabel('Gorgias export file (CSV or JSON)')
      .setInputFiles({ name: 'gorgias.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByTestId('cs-import-preview')).toContainText(
      '2 replies ready to import, 1 rows will be rejected',
    );
    await page.getByRole('button', { name: 'Import past replies' }).click();
    await expect(page.getByText('Imported 2 of 3 rows.')).toBeVisible();
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await expect(rejected.getByRole('row', { name: /no agent reply/ })).toContainText('3');
    await page.locator('section[aria-labelledby="cs-title"]').screenshot({ path: '/tmp/cs-options.png' });
    await page.locator('section[aria-labelledby="cs-stats-title"]').screenshot({ path: '/tmp/cs-options-stats.png' });
    await page.locator('section[aria-labelledby="cs-import-title"]').screenshot({ path: '/tmp/cs-options-import.png' });
  });

  test("4107 ambiguous: the panel says it is unsure, never autonomous, and records the agent's pick", async ({
    page,
    panel,
    session,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ticketUrl('4107'));
    const f = panel.frame;
    const picker = f.getByTestId('cs-intent-picker');
    await expect(picker).toContainText('Not sure:');
    await expect(cs(panel).tier).not.toHaveText('Autonomous');
    await expect(cs(panel).reasons).toContainText("Counterpart can't tell whether this is about");
    await picker.screenshot({ path: '/tmp/cs-picker.png' });
    await picker.getByRole('button', { name: 'Late delivery' }).click();
    await expect(f.getByTestId('cs-intent-picked')).toContainText('Late delivery');
    const rows = await session.worker.evaluate(
      () =>
        new Promise<Array<{ source: string; label: string; kind: string }>>((resolve) => {
          const req = indexedDB.open('counterpart');
          req.onsuccess = () => {
            const all = req.result.transaction('brandExamples', 'readonly').objectStore('brandExamples').getAll();
            all.onsuccess = () => {
              resolve(all.result);
              req.result.close();
            };
          };
        }),
    );
    expect(rows).toEqual([expect.objectContaining({ kind: 'intent', source: 'correction', label: 'delivery_late' })]);
    await page.goto(optionsUrl(session.extensionId));
    const section = page.getByTestId('brand-model-section');
    await expect(section.getByTestId('brand-model-counts')).toContainText('1 pick by your team');
    await section.screenshot({ path: '/tmp/cs-brand-model-options.png' });
  });

  test('imports past tickets from Gorgias through its API: pages, waits out a 429, GET only, then per-intent accuracy', async ({
    page,
    session,
  }) => {
    // The documented REST shapes: GET /api/tickets?limit&cursor → { data, meta: { next_cursor } }, GET /api/tickets/{id}/.
    const openings: Array<[string, { tags?: string[]; intent?: string }]> = [];
    for (let i = 0; i < 20; i++) {
      openings.push([
        `Hi, my order #${3100 + i} still says processing after ${i + 3} days, when will it ship?`,
        { tags: ['WISMO'] },
      ]);
      openings.push([
        `I sent the ${['dress', 'jumper', 'jeans', 'coat'][i % 4]} back ${i + 2} weeks ago and the money is not on my card yet`,
        { tags: ['VIP', 'Refund'] },
      ]);
      openings.push([
        `Please send order ${4100 + i} to my work address instead, ${i + 1} Mill Lane`,
        { intent: 'address/change' },
      ]);
    }
    const tickets = openings.map(([text, l], i) => ({
      id: 9000 + i,
      subject: null,
      tags: (l.tags ?? []).map((name) => ({ name })),
      messages: [
        {
          public: true,
          from_agent: false,
          body_text: text,
          stripped_text: text,
          intents: l.intent ? [{ name: l.intent, rejected: false }] : [],
        },
        { public: true, from_agent: true, body_text: 'Thanks, we are on it.' },
      ],
    }));
    const asked: string[] = [];
    let throttled = false;
    const handler = async (route: import('@playwright/test').Route) => {
      const req = route.request();
      const url = new URL(req.url());
      asked.push(`${req.method()} ${url.pathname}${url.search} ${req.headers().authorization ?? ''}`);
      if (url.pathname === '/api/tickets') {
        const from = Number(url.searchParams.get('cursor') ?? 0);
        if (from === 25 && !throttled) {
          throttled = true;
          return route.fulfill({
            status: 429,
            headers: { 'Retry-After': '1' },
            contentType: 'application/json',
            body: '{}',
          });
        }
        const data = tickets.slice(from, from + 25).map((t) => ({ id: t.id, tags: t.tags }));
        const next = from + 25 < tickets.length ? String(from + 25) : null;
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            data,
            object: 'list',
            uri: '/api/tickets',
            meta: { next_cursor: next, prev_cursor: null },
          }),
        });
      }
      const t = tickets.find((x) => url.pathname === `/api/tickets/${x.id}/`);
      return t
        ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(t) })
        : route.fulfill({ status: 404, body: '' });
    };
    await session.context.route('https://acme.gorgias.com/api/**', handler);
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(optionsUrl(session.extensionId));
      const box = page.getByTestId('gorgias-import');
      await box.getByLabel('Gorgias account').fill('acme');
      await box.getByLabel('Gorgias user e-mail').fill('lead@acme.test');
      await box.getByLabel('Gorgias API key').fill('gorgias-key-123456');
      await box.getByRole('button', { name: 'Import past tickets from Gorgias' }).click();
      const status = box.getByTestId('gorgias-import-status');
      await expect(status).toHaveAttribute('data-phase', 'waiting');
      await expect(status).toContainText('Gorgias asked Counterpart to slow down');
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/cs-gorgias-import-waiting.png' });
      await expect(status).toHaveAttribute('data-phase', 'done');
      await expect(status).toContainText(
        '60 of 60 tickets read, 60 with a usable tag or intent, 60 new examples learned',
      );
      const section = page.getByTestId('brand-model-section');
      await expect(section.getByTestId('brand-model-counts')).toContainText('Learned from 60 past tickets');
      const table = section.getByTestId('brand-model-intents');
      await expect(table.getByRole('row', { name: /Order status/ })).toBeVisible();
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/cs-gorgias-import-done.png' });
      // Only GETs, with the user's key, to the account's own API; the list was paged and the 429 asked again.
      expect(asked.every((a) => a.startsWith('GET /api/tickets'))).toBe(true);
      const basic = `Basic ${Buffer.from('lead@acme.test:gorgias-key-123456').toString('base64')}`;
      expect(asked.every((a) => a.endsWith(basic))).toBe(true);
      expect(asked.filter((a) => a.includes('cursor=25'))).toHaveLength(2);
      expect(asked.filter((a) => /\/api\/tickets\/\d+\//.test(a))).toHaveLength(60);
      // Run again: nothing new is learned twice.
      await box.getByLabel('Gorgias API key').fill('gorgias-key-123456');
      await box.getByRole('button', { name: 'Import past tickets from Gorgias' }).click();
      await expect(status).toContainText('0 new examples learned');
      await expect(section.getByTestId('brand-model-counts')).toContainText('Learned from 60 past tickets');
    } finally {
      await session.context.unroute('https://acme.gorgias.com/api/**', handler);
    }
  });

  test('a Gorgias import held up by a ten-minute rate limit can be cancelled while it waits', async ({
    page,
    session,
  }) => {
    const handler = async (route: import('@playwright/test').Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/api/tickets' && !url.searchParams.get('cursor'))
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ data: [{ id: 1, tags: [{ name: 'WISMO' }] }], meta: { next_cursor: 'next' } }),
        });
      // Every later list page is rate-limited for ten minutes.
      return route.fulfill({ status: 429, headers: { 'Retry-After': '600' }, body: '' });
    };
    await session.context.route('https://acme.gorgias.com/api/**', handler);
    try {
      await page.goto(optionsUrl(session.extensionId));
      const box = page.getByTestId('gorgias-import');
      await box.getByLabel('Gorgias account').fill('acme.gorgias.com');
      await box.getByLabel('Gorgias user e-mail').fill('lead@acme.test');
      await box.getByLabel('Gorgias API key').fill('gorgias-key-123456');
      await box.getByRole('button', { name: 'Import past tickets from Gorgias' }).click();
      const status = box.getByTestId('gorgias-import-status');
      await expect(status).toContainText(/going on in (600|599|598) s \(1 ticket listed so far\)/);
      await box.getByRole('button', { name: 'Cancel' }).click();
      await expect(status).toHaveAttribute('data-phase', 'cancelled');
      await expect(status).toContainText('Stopped');
      await expect(box.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    } finally {
      await session.context.unroute('https://acme.gorgias.com/api/**', handler);
    }
  });

  test('screenshots of the panel on each fixture ticket', async ({ page, panel, dock }) => {
    await page.setViewportSize({ width: 1440, height: 1500 });
    for (const id of ['4101', '4102', '4103', '4104', '4105', '4106']) {
      await page.goto(ticketUrl(id));
      await expect(cs(panel).draft).not.toBeEmpty();
      await expect(panel.frame.getByRole('button', { name: 'Good draft' })).toBeVisible();
      const box = await dock.host.locator('.dock').boundingBox();
      if (!box) throw new Error('dock not visible');
      const main = await panel.frame.locator('main > section').last().boundingBox();
      const height = main ? Math.min(box.height, main.y + main.height + 12 - box.y) : box.height;
      await page.screenshot({ path: `/tmp/cs-panel-${id}.png`, clip: { ...box, height } });
    }
  });
});
