import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

const ticketUrl = (id: number) => `https://acme.gorgias.com/app/views/123/${id}`;
const fixture = (name: string) => readFile(path.join(FIXTURES, 'gorgias', name), 'utf8');

/** Serves an evidence-built variant at its ticket URL (page-level routes win over the suite's fixture routes). */
async function serveTicket(page: Page, id: number, file: string) {
  const body = await fixture(file);
  await page.route(ticketUrl(id), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

/** Serves the app's REST answers; records each request's path and headers. */
async function serveApi(page: Page, answers: Record<string, string>) {
  const seen: Array<{ path: string; method: string; client: string | null; csrf: string | null }> = [];
  await page.route(/^https:\/\/acme\.gorgias\.com\/api\//, async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    seen.push({
      path: url.pathname,
      method: req.method(),
      client: req.headers()['x-gorgias-user-client'] ?? null,
      csrf: req.headers()['x-csrf-token'] ?? null,
    });
    const file = answers[url.pathname];
    if (!file) return route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"not found"}' });
    return route.fulfill({ status: 200, contentType: 'application/json', body: await fixture(`api/${file}`) });
  });
  return seen;
}

test.describe('Gorgias adapters on evidence-built pages', () => {
  test('structured read: the ticket and customer come from Gorgias’s own data, the draft cites tracking the card does not show', async ({
    page,
    panel,
  }) => {
    await serveTicket(page, 5201, 'v2-order-card.html');
    const seen = await serveApi(page, {
      '/api/tickets/5201/': 'ticket-5201.json',
      '/api/customers/301': 'customer-301.json',
    });
    await page.goto(ticketUrl(5201));
    await expect(panel.frame.getByTestId('read-source')).toHaveText(/Read from Gorgias.s data/);
    await expect(panel.frame.getByTestId('draft-text')).toContainText('1Z999AA10123456784');
    await expect(panel.frame.getByTestId('missing-list')).toHaveCount(0);
    // One ticket and one customer request for the view, GET only, with the web app's client header.
    expect(seen.map((s) => [s.method, s.path, s.client])).toEqual([
      ['GET', '/api/tickets/5201/', 'web'],
      ['GET', '/api/customers/301', 'web'],
    ]);
    await page.screenshot({ path: '/tmp/adapters-gorgias-api.png' });
  });

  test('an answer for another ticket is set aside: the page is read instead, and what it lacks is named', async ({
    page,
    panel,
  }) => {
    await serveTicket(page, 5202, 'instagram-dm.html');
    await serveApi(page, { '/api/tickets/5202/': 'ticket-9999-for-5202.json' });
    await page.goto(ticketUrl(5202));
    await expect(panel.frame.getByTestId('read-source')).toHaveText('Read from the page');
    await expect(panel.frame.getByTestId('missing-list')).toContainText(
      'Gorgias: order widget not found on ticket view',
    );
    await expect(panel.frame.getByTestId('cs-intent')).toHaveAttribute('data-intent', 'size_fit');
  });

  test('without the app’s data the page is read, translated messages are flagged as uncertain', async ({
    page,
    panel,
  }) => {
    await serveTicket(page, 5205, 'translated.html');
    await page.goto(ticketUrl(5205));
    await expect(panel.frame.getByTestId('read-source')).toHaveText('Read from the page');
    await expect(panel.frame.getByTestId('uncertain-list')).toContainText('message 1 is a translation');
    await expect(panel.frame.getByTestId('cs-intent')).toBeVisible();
    await page.screenshot({ path: '/tmp/adapters-gorgias-dom.png' });
  });

  test('pasted text on an unreadable page is classified and drafted like a ticket', async ({ page, panel }) => {
    await page.goto('https://acme.gorgias.com/app/views/123/9999');
    await expect(panel.text('Could not read this page')).toBeVisible();
    await panel.frame
      .getByRole('textbox', { name: 'Pasted page text' })
      .fill('Subject: Where is my order?\nHi, where is my order #1047? It should have arrived last week.\nJane');
    await panel.frame.getByRole('button', { name: 'Use this text' }).click();
    await expect(panel.text('Saved for this tab.')).toBeVisible();
    const pasted = panel.frame.getByTestId('pasted-ticket');
    await expect(pasted.getByTestId('cs-intent')).toHaveAttribute('data-intent', 'order_status');
    // No order data came with the text, so the draft asks instead of inventing any.
    await expect(pasted.getByTestId('draft-text')).toContainText(/order/i);
    await page.screenshot({ path: '/tmp/adapters-gorgias-paste.png' });
  });
});
