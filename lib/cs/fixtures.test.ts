// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extract } from '../sites/gorgias/extract';
import { loadGorgiasFixture } from '../sites/gorgias/fixture-loader';
import type { GorgiasTicket } from '../sites/gorgias/schema';
import { ticketFromGorgias } from '../sites/gorgias/to-ticket';
import { draftForTicket, triageTicket } from './service';

function ticketAt(id: string) {
  const url = `https://northwind.gorgias.com/app/views/123/${id}`;
  const w = loadGorgiasFixture('app.html', url);
  const snap = extract(w.document as unknown as Document, new URL(url));
  w.close();
  return ticketFromGorgias(snap.data as GorgiasTicket);
}

describe('triage of the Gorgias fixture tickets', () => {
  it.each([
    ['4101', 'order_status', 'autonomous', false],
    ['4102', 'billing', 'assisted', true],
    ['4103', 'size_fit', 'assisted', false],
    ['4104', 'delivery_late', 'assisted', false],
    ['4105', 'refund_status', 'escalate', true],
    ['4106', 'order_status', 'assisted', false],
  ])('ticket %s → %s, tier %s, money %s', async (id, intent, tier, money) => {
    const r = (await triageTicket(ticketAt(id))).result;
    expect([r.intent, r.tier, r.involves_money]).toEqual([intent, tier, money]);
  });

  it('drafts the WISMO reply with the UPS tracking link and no flagged facts', async () => {
    const d = await draftForTicket(ticketAt('4101'));
    expect(d.draft).toContain('Hi Jane,');
    expect(d.draft).toContain('Track it here: https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(d.flagged).toEqual([]);
  });

  it('drafts in German for the German ticket without an order widget', async () => {
    const d = await draftForTicket(ticketAt('4106'));
    expect(d.language).toBe('de');
    expect(d.draft).toContain('Bestellnummer');
  });

  it('flags the angry late-delivery customer and names it as a reason', async () => {
    const t = await triageTicket(ticketAt('4104'));
    expect(t.angry).toBe(true);
    expect(t.result.reasons).toContain('customer is angry');
  });
});

describe('escalated fixture ticket', () => {
  it('answers the injection attempt with a holding reply that mentions no refund', async () => {
    const d = await draftForTicket(ticketAt('4105'));
    expect(d.tier).toBe('escalate');
    expect(d.draft).not.toMatch(/refund/i);
    expect(d.draft).toContain('senior member of our team');
  });
});
