import type { Page } from '@playwright/test';
import type { PanelObject } from './support/pages';
import { expect, test } from './support/test';

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
    await expect(p.intent).toContainText('order_status');
    await expect(p.tier).toHaveText('Autonomous');
    await expect(p.reasons).toContainText('no money');
    await expect(p.draft).toContainText('1Z999AA10123456784');
    await expect(p.citations.filter({ hasText: '#1047' })).toHaveCount(1);
    await expect(p.citations.filter({ hasText: '1Z999AA10123456784' }).first()).toBeVisible();
    await shot(page, '4101');
  });

  test('4102 double charge: billing, assisted because money is involved', async ({ page, panel }) => {
    await page.goto(ticketUrl('4102'));
    const p = cs(panel);
    await expect(p.intent).toContainText('billing');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.signals).toContainText('money');
    await expect(p.reasons).toContainText('involves money');
    await expect(p.draft).toContainText('#1052');
    await expect(p.citations.first()).toBeVisible();
    await shot(page, '4102');
  });

  test('4103 Instagram size question: size & fit, assisted', async ({ page, panel }) => {
    await page.goto(ticketUrl('4103'));
    const p = cs(panel);
    await expect(p.intent).toContainText('size_fit');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.reasons).toContainText('size_fit is not set to autonomous');
    await expect(p.draft).not.toBeEmpty();
    await expect(p.citations.first()).toBeVisible();
    await shot(page, '4103');
  });

  test('4104 angry late delivery: assisted with the angry customer as a reason', async ({ page, panel }) => {
    await page.goto(ticketUrl('4104'));
    const p = cs(panel);
    await expect(p.intent).toContainText('delivery_late');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.signals).toContainText('angry');
    await expect(p.reasons).toContainText('customer is angry');
    await expect(p.citations.first()).toBeVisible();
    await shot(page, '4104');
  });

  test('4105 injection attempt: escalated with a warning and a holding reply', async ({ page, panel }) => {
    await page.goto(ticketUrl('4105'));
    const p = cs(panel);
    await expect(p.tier).toHaveText('Escalate');
    await expect(p.reasons).toContainText('prompt-injection');
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
    await expect(p.intent).toContainText('order_status');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.reasons).toContainText('no order data');
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

  test('navigating to the next ticket updates the panel', async ({ page, panel }) => {
    await page.goto(ticketUrl('4101'));
    const p = cs(panel);
    await expect(p.intent).toContainText('order_status');
    await page.locator('.ticket-list a[href$="/4102"]').click();
    await expect(panel.record).toContainText('4102');
    await expect(p.intent).toContainText('billing');
    await expect(p.tier).toHaveText('Assisted');
    await expect(p.draft).toContainText('#1052');
  });
});
