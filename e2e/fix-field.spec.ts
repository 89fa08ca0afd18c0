import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { PanelObject } from './support/pages';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

// 1×1 white PNG for CDN images (nothing goes to the network).
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC';

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

  test('text pasted for an unreadable Loop page is decided and drafted; without a price a person decides, said so', async ({
    page,
    panel,
  }) => {
    await page.route('https://admin.loopreturns.com/returns/77001', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><body><main><h1>Loading</h1><p>Nothing Counterpart knows here.</p></main></body></html>',
      }),
    );
    await page.goto('https://admin.loopreturns.com/returns/77001');
    await expect(panel.text('Could not read this page')).toBeVisible();
    const box = panel.frame.getByRole('textbox', { name: 'Pasted page text' });
    await box.fill('The jeans are way too small in the waist, I usually wear a 32 and could not close them.');
    await panel.frame.getByRole('button', { name: 'Use this text' }).click();
    const pasted = panel.frame.getByTestId('pasted-return');
    await expect(pasted.getByTestId('read-source')).toHaveText('From the text you pasted');
    await expect(pasted.getByTestId('true-reason')).toHaveAttribute('data-reason', 'too_small');
    await expect(pasted.locator('mark').first()).toBeVisible();
    // No price, no date: a person decides, and the panel says what the text lacks.
    await expect(pasted.getByTestId('pasted-lacks')).toContainText('the item’s price');
    await expect(pasted.getByTestId('pasted-lacks')).toContainText('the order or delivery date');
    await expect(pasted.getByTestId('decision')).toHaveAttribute('data-decision', 'human_review');
    await expect(pasted.getByTestId('decision-rule')).toHaveAttribute('data-rule', 'human_review.incomplete_paste');
    await expect(pasted.getByTestId('draft-text')).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/fix-field-loop-paste.png' });
    await pasted.getByTestId('decision').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/fix-field-loop-paste-decision.png' });

    // With the price and the delivery date the rules decide on their own (a fit return: an exchange).
    await box.fill(
      'Order: #1047\nItem: Slim Jeans\nPrice: $68.00\nDelivered: Nov 3, 2026\nReturn created: Nov 10, 2026\nComment: Way too small in the waist, I need a 34.',
    );
    await panel.frame.getByRole('button', { name: 'Use this text' }).click();
    await expect(pasted.getByTestId('pasted-lacks')).toHaveCount(0);
    await expect(pasted.getByTestId('decision')).not.toHaveAttribute('data-decision', 'human_review');
    await expect(pasted.getByTestId('draft-text')).toContainText('#1047');
  });

  test('a typed value is checked by its kind: a delivery date that is not a date is refused with a reason', async ({
    page,
    panel,
  }) => {
    const html = await readFile(path.join(FIXTURES, 'loop', 'counts-inline.html'), 'utf8');
    const noDate = html.replace('<p>Delivered: Nov 6, 2026</p>', '');
    await page.route('https://admin.loopreturns.com/returns/59001', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: noDate }),
    );
    await page.goto('https://admin.loopreturns.com/returns/59001');
    await expect(panel.frame.getByTestId('missing-list')).toContainText('delivery date not found');
    const input = panel.frame.getByRole('textbox', { name: 'Delivery date' });
    const row = panel.frame.getByTestId('fix-fields').getByRole('listitem').filter({ hasText: 'Delivery date' });
    await input.fill('last week');
    await row.getByRole('button', { name: 'Add it' }).click();
    await expect(row.getByTestId('fix-error-deliveredAt')).toHaveText('Type a date, like 2026-11-03 or 3 Nov 2026.');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/fix-field-invalid.png' });
    await input.fill('Nov 6, 2026');
    await row.getByRole('button', { name: 'Add it' }).click();
    const fixed = panel.frame.getByTestId('fixed-deliveredAt');
    await expect(fixed).toContainText('2026-11-06');
    await expect(fixed).toContainText('from you');
    await expect(panel.frame.getByTestId('missing-list')).toContainText(
      'delivery date not found on return page — filled in by you',
    );
  });

  test('pointing without a mouse: Tab goes through the page’s texts, the banner names each, Enter picks', async ({
    page,
    panel,
  }) => {
    const withRef = (html: string) =>
      html.replace('<div>lena.fischer@example.com</div>', '$&<div class="ref" data-qa="order-ref">#1047</div>');
    await serveTicket(page, 5202, 'instagram-dm.html', withRef);
    await page.goto(ticketUrl(5202));
    await expect(panel.frame.getByTestId('cs-no-order')).toBeVisible();
    await panel.frame.getByRole('button', { name: 'Point at it' }).press('Enter');
    const current = page.locator('[data-counterpart-picker="current"]');
    await expect(page.getByRole('status').filter({ hasText: 'press Tab' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(current).toContainText(/^1 of \d+: “/);
    // Backwards from the first text wraps to the last ones; the order reference is near the end.
    for (let i = 0; i < 400 && !((await current.textContent()) ?? '').includes('“#1047”'); i++)
      await page.keyboard.press('Shift+Tab');
    await expect(current).toContainText('“#1047” — Enter picks it');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/fix-field-keyboard.png' });
    await page.keyboard.press('Enter');
    await expect(panel.frame.getByTestId('fixed-orderNumber')).toContainText('#1047');
    await expect(panel.frame.getByTestId('cs-no-order')).toHaveCount(0);
    await expect(current).toHaveCount(0);
  });

  test('a Shopify product page whose address moves on before its content does: nothing is published for the old product, then "not readable"; the new product is read when it shows', async ({
    page,
    panel,
  }) => {
    const shopify = (id: number) => `https://admin.shopify.com/store/demo-shop/products/${id}`;
    await page.route('https://cdn.shopify.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from(PNG, 'base64') }),
    );
    const body = await readFile(path.join(FIXTURES, 'shopify', 'product-variant-links.html'));
    await page.route(shopify(8123456795), (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
    await page.goto(shopify(8123456795));
    await expect(panel.frame.getByTestId('panel-record')).toContainText('Everyday Hoodie');
    // An SPA switch caught half-way: the address names the next product, the content is still this one.
    await page.evaluate(() => history.pushState({}, '', '/store/demo-shop/products/8123456796'));
    await expect(panel.text('Could not read this page')).toBeVisible();
    await expect(panel.frame.getByText('the page still shows record 8123456795, not 8123456796')).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/fix-field-stale.png' });
    // The next product renders (its variant links name it): read at once, under its own id.
    await page.evaluate(() => {
      for (const a of document.querySelectorAll('a[href*="/variants/"]'))
        a.setAttribute('href', (a.getAttribute('href') ?? '').replace('8123456795', '8123456796'));
      const title = document.querySelector<HTMLInputElement>('input[name="title"]');
      if (title) title.value = 'Everyday Hoodie II';
      document.querySelector('h1')?.append(' II');
    });
    await expect(panel.text('Could not read this page')).toHaveCount(0);
    await expect(panel.frame.getByTestId('panel-record')).toBeVisible();
  });

  test('Seller Central: after the address moves to another SKU, the Offer tab still holding the old Seller SKU is not published', async ({
    page,
    panel,
  }) => {
    const offer = (sku: string) =>
      `https://sellercentral.amazon.de/abis/listing/edit/offer?marketplaceID=A1PA6795UKMFR9&sku=${sku}&asin=B0CXYZ1234&productType=SHIRT`;
    const body = await readFile(path.join(FIXTURES, 'amazon', 'offer-tab-de.html'));
    await page.route(offer('TEE-CL-BLK-M'), (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
    await page.goto(offer('TEE-CL-BLK-M'));
    await expect(panel.frame.getByTestId('panel-record')).toContainText('TEE-CL-BLK-M');
    await page.evaluate((url) => history.pushState({}, '', url), offer('TEE-CL-BLK-L'));
    await expect(panel.text('Page still changing')).toBeVisible();
    await expect(panel.frame.getByText('still shows record TEE-CL-BLK-M, not TEE-CL-BLK-L')).toBeVisible();
    // The editor shows the next listing: its Seller SKU matches the address, and it is read.
    await page.evaluate(() => {
      const host = document.querySelector('[name="contribution_sku-0-value"]') as HTMLElement & { value?: string };
      const inner = host.shadowRoot?.querySelector('input');
      if (inner) inner.value = 'TEE-CL-BLK-L';
      host.setAttribute('value', 'TEE-CL-BLK-L');
      document.querySelector('h1')?.append(' ');
    });
    await expect(panel.frame.getByTestId('panel-record')).toContainText('TEE-CL-BLK-L');
    await expect(panel.text('Page still changing')).toHaveCount(0);
  });

  test('a Shopify product without a vendor field: the typed vendor reaches the listing check, marked "from you"', async ({
    page,
    panel,
  }) => {
    const url = 'https://admin.shopify.com/store/demo-shop/products/8123456794';
    const body = await readFile(path.join(FIXTURES, 'shopify', 'product-ja-no-vendor.html'));
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.goto(url);
    await expect(panel.frame.getByTestId('missing-list')).toContainText('vendor field not found');
    await expect(panel.region('Captured as canonical')).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: '/tmp/fix-field-vendor-before.png', fullPage: false });
    await expect(panel.frame.getByText('Brand: Brand is missing').first()).toBeVisible();
    await panel.frame.getByRole('textbox', { name: 'Vendor' }).fill('Kaze Linen');
    await panel.frame.getByTestId('fix-fields').getByRole('button', { name: 'Add it' }).click();
    await expect(panel.frame.getByTestId('fixed-vendor')).toContainText('from you');
    await expect(panel.frame.getByTestId('missing-list')).toContainText(
      'vendor field not found on product page — filled in by you',
    );
    await page.screenshot({ path: '/tmp/fix-field-vendor-after.png', fullPage: false });
    // The check now has a brand (the vendor): a new version is stored and "Brand is missing" is gone.
    await expect(panel.region('Captured as canonical')).toContainText('v2');
    await expect(panel.frame.getByText('Brand: Brand is missing')).toHaveCount(0);
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
