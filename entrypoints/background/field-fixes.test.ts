import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Sender } from '../../lib/messaging/trust';
import { checkPageData } from '../../lib/sites/data-schemas';
import { exampleTicketSnapshot } from '../../lib/sites/example-snapshot';
import { forgetTab, writeTabSnapshot } from './tab-state';

// The page side (executeScript) is stood in for: what the user clicks, what a remembered place reads.
const page = vi.hoisted(() => ({
  picked: null as { locator: string; text: string } | null,
  pointed: {} as Record<string, string>,
  remembered: [] as string[],
}));
vi.mock('./picker', () => ({
  pickInTab: async () => page.picked,
  pointedValues: async () => page.pointed,
  rememberLocator: async (app: string, field: string, locator: string) => {
    page.remembered.push(`${app}.${field}=${locator}`);
  },
}));

const { fieldFixHandlers, fixedTabSnapshot } = await import('./field-fixes');
const panel: Sender = { kind: 'panel', tabId: 7, app: 'gorgias' };
const content: Sender = {
  kind: 'content',
  app: 'gorgias',
  tabId: 7,
  url: 'https://northwind.gorgias.com/app/ticket/4101',
};
const call = (
  name: 'sites.fieldFixes' | 'sites.saveFieldFix' | 'sites.pointAtField',
  payload: unknown,
  sender: Sender = panel,
) => {
  const handler = fieldFixHandlers[name] as ((p: unknown, s: Sender) => Promise<unknown>) | undefined;
  if (!handler) throw new Error(`${name} has no handler`);
  return handler(payload, sender);
};
/** The first order's number in a snapshot's Gorgias data. */
const orderOf = (s: { data: unknown } | null) =>
  (s?.data as { orders?: Array<{ number: string }> } | undefined)?.orders?.[0]?.number;

async function showTicket(entityId = '4101') {
  const snapshot = checkPageData(
    exampleTicketSnapshot({
      entityId,
      data: {
        ticketId: entityId,
        subject: 'Where is my order?',
        channel: 'email',
        customer: { name: 'Ana', email: null, id: null },
        messages: [{ id: 'm1', from: 'customer', body: 'Where is it?', author: 'Ana', time: null }],
        tags: [],
        orders: [],
        partial: false,
        ui: 'v2',
      },
      missing: ['Gorgias: order widget not found on ticket view'],
    }),
  );
  await writeTabSnapshot(7, snapshot);
}

describe('field fixes in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    page.picked = null;
    page.pointed = {};
    page.remembered = [];
  });

  it('keeps a typed value per tab and record and lays it into the snapshot the processes read', async () => {
    await showTicket();
    expect(await call('sites.saveFieldFix', { field: 'orderNumber', value: '#1047' })).toEqual({
      fixes: { orderNumber: '#1047' },
    });
    const fixed = await fixedTabSnapshot(7);
    expect(orderOf(fixed)).toBe('#1047');
    expect(fixed?.missing).toEqual([]);
    // Another record in the same tab has its own values.
    await showTicket('4102');
    expect(await call('sites.fieldFixes', {})).toEqual({ fixes: {}, pointed: {} });
    expect((await fixedTabSnapshot(7))?.missing).toEqual(['Gorgias: order widget not found on ticket view']);
    // Closing the tab forgets them.
    await showTicket();
    await forgetTab(7);
    await showTicket();
    expect(await call('sites.fieldFixes', {})).toEqual({ fixes: {}, pointed: {} });
  });

  it('refuses fields the page does not have and senders other than the panel', async () => {
    await showTicket();
    await expect(call('sites.saveFieldFix', { field: 'reason', value: 'x' })).rejects.toThrow(/no such field/);
    await expect(call('sites.saveFieldFix', { field: 'orderNumber', value: 'x' }, content)).rejects.toThrow(
      /Only the panel/,
    );
  });

  it('a picked element gives the value and its place is remembered for the app; a typed value wins over a remembered place', async () => {
    await showTicket();
    page.picked = { locator: 'div[data-qa="order-ref"]', text: '#2002' };
    expect(await call('sites.pointAtField', { field: 'orderNumber' })).toEqual({
      fixes: { orderNumber: '#2002' },
      picked: true,
    });
    expect(page.remembered).toEqual(['gorgias.orderNumber=div[data-qa="order-ref"]']);

    await showTicket('4103');
    page.pointed = { orderNumber: '#3003' };
    const fixed = await fixedTabSnapshot(7);
    expect(orderOf(fixed)).toBe('#3003');
    await call('sites.saveFieldFix', { field: 'orderNumber', value: '#4004' });
    const typed = await fixedTabSnapshot(7);
    expect(orderOf(typed)).toBe('#4004');
  });

  it('a cancelled pick keeps nothing', async () => {
    await showTicket();
    expect(await call('sites.pointAtField', { field: 'orderNumber' })).toEqual({ fixes: {}, picked: false });
    expect(page.remembered).toEqual([]);
  });
});
