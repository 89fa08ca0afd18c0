import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { PanelObject } from './support/pages';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

const ticketUrl = (id: number) => `https://acme.gorgias.com/app/views/123/${id}?folder=inbox`;

/** Serves a Gorgias fixture variant at its ticket URL (no API route: the page is read). */
async function serveTicket(page: Page, id: number, file: string, edit: (html: string) => string = (h) => h) {
  const body = edit(await readFile(path.join(FIXTURES, 'gorgias', file), 'utf8'));
  await page.route(`https://acme.gorgias.com/app/views/123/${id}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

/** The panel's frame, with the clipboard's writeText recorded (the copy the user would paste). */
async function spyClipboard(page: Page): Promise<Frame> {
  const frame = page.frames().find((f) => f.url().includes('/panel.html'));
  if (!frame) throw new Error('no panel frame');
  await frame.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => {
      w.copied.push(text);
    };
  });
  return frame;
}
const copied = (frame: Frame) => frame.evaluate(() => (window as unknown as { copied: string[] }).copied);

test.describe('Fixing a missing field and reporting the page', () => {
  test('the Instagram ticket lacks its order: the typed order number reaches the triage, marked "from you"', async ({
    page,
    panel,
  }) => {
    await serveTicket(page, 5202, 'instagram-dm.html');
    await page.goto(ticketUrl(5202));
    await expect(panel.frame.getByTestId('missing-list')).toContainText('order widget not found');
    await expect(panel.frame.getByTestId('cs-no-order')).toBeVisible();

    await panel.frame.getByRole('textbox', { name: 'Order number' }).fill('#1047');
    await panel.frame.getByRole('button', { name: 'Add it' }).click();
    const fixed = panel.frame.getByTestId('fixed-orderNumber');
    await expect(fixed).toContainText('#1047');
    await expect(fixed).toContainText('from you');
    await expect(panel.frame.getByTestId('missing-list')).toContainText(
      'order widget not found on ticket view — filled in by you',
    );
    // The CS process now works from an order: the "No order data" notice is gone.
    await expect(panel.frame.getByTestId('cs-intent')).toBeVisible();
    await expect(panel.frame.getByTestId('cs-no-order')).toHaveCount(0);
    await expect(panel.frame.getByTestId('draft-text')).toBeVisible();
    await page.screenshot({ path: '/tmp/fix-field-typed.png' });

    // The value is kept for the record: a reload of the same ticket shows it again.
    await page.reload();
    await expect(panel.frame.getByTestId('fixed-orderNumber')).toContainText('#1047');
    await expect(panel.frame.getByTestId('cs-no-order')).toHaveCount(0);

    // Removing it brings the missing order back.
    await panel.frame.getByTestId('fixed-orderNumber').getByRole('button', { name: 'Remove' }).click();
    await expect(panel.frame.getByRole('textbox', { name: 'Order number' })).toBeVisible();
    await expect(panel.frame.getByTestId('cs-no-order')).toBeVisible();
  });

  test('pointing at the order number on the page: it is used, and the place is read again in another tab', async ({
    page,
    panel,
  }) => {
    // The customer's order reference sits in the sidebar as plain text the adapter does not know.
    const withRef = (html: string) =>
      html.replace('<div>lena.fischer@example.com</div>', '$&<div class="ref" data-qa="order-ref">#1047</div>');
    await serveTicket(page, 5202, 'instagram-dm.html', withRef);
    await page.goto(ticketUrl(5202));
    await expect(panel.frame.getByTestId('cs-no-order')).toBeVisible();
    await panel.frame.getByRole('button', { name: 'Point at it' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Click the order number on the page' })).toBeVisible();
    await page.locator('[data-qa="order-ref"]').click();
    await expect(panel.frame.getByTestId('fixed-orderNumber')).toContainText('#1047');
    await expect(panel.frame.getByTestId('cs-no-order')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Click the order number' })).toHaveCount(0);

    // Another tab, same app, nothing typed there: the remembered place is read when the field is missing.
    const other = await page.context().newPage();
    await serveTicket(other, 5202, 'instagram-dm.html', withRef);
    await other.goto(ticketUrl(5202));
    const otherPanel = new PanelObject(other);
    await expect(otherPanel.frame.getByTestId('pointed-orderNumber')).toContainText('#1047');
    await expect(otherPanel.frame.getByTestId('cs-intent')).toBeVisible();
    await expect(otherPanel.frame.getByTestId('cs-no-order')).toHaveCount(0);
    await other.screenshot({ path: '/tmp/fix-field-pointed.png' });
    await other.close();
  });

  test('Escape cancels pointing and nothing is kept', async ({ page, panel }) => {
    await serveTicket(page, 5202, 'instagram-dm.html');
    await page.goto(ticketUrl(5202));
    await panel.frame.getByRole('button', { name: 'Point at it' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'Click the order number' });
    await expect(banner).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(banner).toHaveCount(0);
    await expect(panel.text('Nothing was picked.')).toBeVisible();
    await expect(panel.frame.getByTestId('fixed-orderNumber')).toHaveCount(0);
  });

  test('a Loop return whose page shows no reason or comment: the typed comment decides the true reason', async ({
    page,
    panel,
  }) => {
    const html = await readFile(path.join(FIXTURES, 'loop', 'counts-inline.html'), 'utf8');
    // The same return with its reasons and comments left off the page.
    const bare = html.replace(/<p>(Reason|Comment): [^<]*<\/p>/g, '');
    await page.route('https://admin.loopreturns.com/returns/59001', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: bare }),
    );
    await page.goto('https://admin.loopreturns.com/returns/59001');
    await expect(panel.frame.getByTestId('missing-list')).toContainText('customer comment not found');
    await expect(panel.frame.getByTestId('true-reason')).toBeVisible();
    await expect(panel.frame.getByTestId('true-reason')).not.toHaveAttribute('data-reason', 'too_small');
    await panel.frame
      .getByRole('textbox', { name: 'Customer comment' })
      .fill('Way too tight across the chest, I need an L.');
    await panel.frame
      .getByTestId('fix-fields')
      .getByRole('listitem')
      .filter({ hasText: 'Customer comment' })
      .getByRole('button', { name: 'Add it' })
      .click();
    await expect(panel.frame.getByTestId('fixed-comment')).toContainText('from you');
    await expect(panel.frame.getByTestId('true-reason')).toHaveAttribute('data-reason', 'too_small');
    await page.screenshot({ path: '/tmp/fix-field-loop.png' });
  });

  test('text pasted for an unreadable Loop page is read like a return comment', async ({ page, panel }) => {
    await page.route('https://admin.loopreturns.com/returns/77001', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><body><main><h1>Loading</h1><p>Nothing Counterpart knows here.</p></main></body></html>',
      }),
    );
    await page.goto('https://admin.loopreturns.com/returns/77001');
    await expect(panel.text('Could not read this page')).toBeVisible();
    await panel.frame
      .getByRole('textbox', { name: 'Pasted page text' })
      .fill('The jeans are way too small in the waist, I usually wear a 32 and could not close them.');
    await panel.frame.getByRole('button', { name: 'Use this text' }).click();
    const pasted = panel.frame.getByTestId('pasted-return');
    await expect(pasted.getByTestId('pasted-reason')).toHaveText(/small/i);
    await expect(pasted.locator('mark').first()).toBeVisible();
    await expect(pasted.getByTestId('read-source')).toHaveText('From the text you pasted');
    await page.screenshot({ path: '/tmp/fix-field-loop-paste.png' });
  });

  test('"Copy page report" copies what was read and missing, without the customer or the ids', async ({
    page,
    panel,
  }) => {
    await serveTicket(page, 5202, 'instagram-dm.html');
    await page.goto(ticketUrl(5202));
    await expect(panel.frame.getByTestId('missing-list')).toBeVisible();
    const frame = await spyClipboard(page);
    await panel.frame.getByRole('button', { name: 'Copy page report' }).click();
    await expect(panel.text('Copied. Customer details are left out.')).toBeVisible();
    const [report] = await copied(frame);
    expect(report).toContain('App: Gorgias (gorgias)');
    expect(report).toContain('Address: https://acme.gorgias.com/app/views/[id]/[id] (query string removed)');
    expect(report).toContain('Source: page');
    expect(report).toContain('- Gorgias: order widget not found on ticket view');
    expect(report).toContain('- customer.email: e-mail');
    expect(report).toMatch(/Extension version: \d+\.\d+/);
    expect(report).toMatch(/Browser: Chrom(e|ium)? ?\d+|Browser: Chrome \d+/);
    for (const leak of ['Lena', 'Fischer', 'lena.fischer@example.com', '5202', 'inbox'])
      expect(report, leak).not.toContain(leak);
  });
});
