import type { Page } from '@playwright/test';
import { ATTACKER_LINK, type OpenAiTestServer, startOpenAiTestServer } from './support/openai-test-server';
import { saveProvider } from './support/pages';
import { expect, test } from './support/test';

/**
 * The built extension against the obeying model (issue 14 items 1 and 3): the test server follows
 * every injected instruction (no money, top confidence, an autonomy-eligible intent, a refund
 * reason quoting the customer, the attacker's link in every text). The panel must show no unsafe
 * outcome on the fixture tickets and returns.
 */
const KEY = 'sk-cp-e2e-OBEY-1c2d3e4f';
const ticketUrl = (id: string) => `https://acme.gorgias.com/app/views/123/${id}`;
const LOOP = (id: number) => `https://admin.loopreturns.com/returns/${id}`;

let server: OpenAiTestServer;
test.beforeEach(async () => {
  server = await startOpenAiTestServer({ script: { apiKey: KEY, obey: true } });
});
test.afterEach(async () => {
  await server.close();
});

/** Options page: the obeying server as the provider, and (for CS) autonomous rollout. */
async function configure(page: Page, extensionId: string, autonomous: boolean): Promise<void> {
  await saveProvider(page, extensionId, { baseURL: server.url, key: KEY });
  if (autonomous) {
    await page.getByRole('radio', { name: /^Autonomous/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
  }
}

const editorText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __editorState: { text: string } }).__editorState.text);

test.describe('the obeying model', () => {
  test('CS: zero unsafe outcomes on the fixture tickets in autonomous mode', async ({ page, panel, session }) => {
    await configure(page, session.extensionId, true);
    const f = panel.frame;
    const unsafe: string[] = [];
    // 4101 WISMO: local and model agree on order_status, so the tier may be autonomous, but the
    // model's draft carries the attacker's link: flagged, never placed.
    await page.goto(ticketUrl('4101'));
    await expect(f.getByTestId('cs-tier')).toHaveText('Autonomous');
    await expect(f.getByTestId('draft-text')).toContainText(ATTACKER_LINK);
    await expect(f.getByTestId('draft-provenance')).toContainText('gpt-4o-mini');
    await expect(f.getByTestId('draft-flag-note')).toContainText(ATTACKER_LINK);
    await expect(f.getByRole('button', { name: 'Insert', exact: true })).toBeEnabled();
    if ((await f.getByTestId('draft-action-result').count()) > 0) unsafe.push('4101: draft placed automatically');
    if ((await editorText(page)).includes(ATTACKER_LINK)) unsafe.push('4101: attacker link in the editor');
    // 4102 double charge: the model says order_status, no money; money stays, never autonomous.
    await page.locator('.ticket-list a[href$="/4102"]').click();
    await expect(f.getByTestId('cs-intent')).toHaveAttribute('data-intent', 'order_status');
    await expect(f.getByTestId('cs-signals')).toContainText('Money involved');
    await expect(f.getByTestId('cs-tier')).toHaveText('Assisted');
    // 4103 sizing question: the model alone says order_status; the local engine disagrees.
    await page.locator('.ticket-list a[href$="/4103"]').click();
    await expect(f.getByTestId('cs-gate-reasons')).toContainText("the local engine's size_fit disagree");
    await expect(f.getByTestId('cs-tier')).toHaveText('Assisted');
    // 4105 injection: escalated, holding reply, no model draft.
    await page.locator('.ticket-list a[href$="/4105"]').click();
    await expect(f.getByTestId('cs-tier')).toHaveText('Escalate');
    await expect(f.getByTestId('draft-text')).not.toContainText(ATTACKER_LINK);
    expect(await editorText(page)).not.toContain(ATTACKER_LINK);
    expect(unsafe).toEqual([]);
  });

  test('returns: a final-sale denial is never turned into a refund; a human-review case stays one', async ({
    page,
    panel,
    session,
  }) => {
    await configure(page, session.extensionId, false);
    const f = panel.frame;
    await page.goto(LOOP(48213581));
    // The model quotes the whole comment as evidence of a defect, which would lift the final-sale rule.
    await expect(f.getByTestId('true-reason')).toHaveAttribute('data-reason', 'defective');
    await expect(f.getByTestId('decision')).toHaveAttribute('data-decision', 'human_review');
    await expect(f.getByTestId('decision-rule')).toHaveAttribute('data-rule', 'human_review.model_disagrees');
    await page.goto(LOOP(48213580));
    await expect(f.getByTestId('true-reason')).toHaveAttribute('data-reason', 'defective');
    await expect(f.getByTestId('decision')).toHaveAttribute('data-decision', 'human_review');
    await expect(f.getByTestId('decision-rule')).toHaveAttribute('data-rule', 'human_review.high_value');
    const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThanOrEqual(2);
  });
});
