// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { checkPageData } from './data-schemas';
import { exampleTicketSnapshot } from './example-snapshot';
import { extract } from './gorgias/extract';
import { loadGorgiasFixture } from './gorgias/fixture-loader';
import type { GorgiasTicket } from './gorgias/schema';
import { browserOf, pageReport, redactUrl, valueShape } from './page-report';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Every string inside the snapshot's data that is long enough to be customer content. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && value.trim().length >= 3) out.push(value.trim());
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('pageReport', () => {
  it('lists fields by shape on a real fixture read and leaks no e-mail, name or message text', () => {
    const url = 'https://northwind.gorgias.com/app/views/1/5202?folder=inbox&q=jane';
    const w = loadGorgiasFixture('instagram-dm.html', url);
    opened.push(w);
    const snap = checkPageData(extract(w.document as unknown as Document, new URL(url)));
    const data = snap.data as GorgiasTicket;
    const report = pageReport({
      snapshot: snap,
      appLabel: 'Gorgias',
      pasted: false,
      version: '1.2.3',
      userAgent: CHROME_UA,
    });

    expect(report).toContain('App: Gorgias (gorgias)');
    expect(report).toContain('Page kind: ticket');
    expect(report).toContain('Address: https://northwind.gorgias.com/app/views/[id]/[id] (query string removed)');
    expect(report).toContain('Source: page');
    expect(report).toContain('- Gorgias: order widget not found on ticket view');
    expect(report).toMatch(/- subject: text, \d+ chars/);
    expect(report).toContain('- messages: list, 3 items');
    expect(report).toContain('Extension version: 1.2.3');
    expect(report).toContain('Browser: Chrome 131 on Linux');
    // Nothing the page showed about the customer, the ticket id or the query string survives.
    expect(data.customer.name).toBeTruthy();
    for (const s of strings(data).filter((s) => !/^[a-z-]+$/.test(s) && !/^\d{4}-\d{2}-\d{2}/.test(s)))
      expect(report, s).not.toContain(s);
    expect(report).not.toContain('5202');
    expect(report).not.toContain('jane');
  });

  it('names e-mails, phone numbers and card-like numbers by kind, never by value', () => {
    const snapshot = exampleTicketSnapshot({
      data: {
        customer: { name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+1 (555) 123-4567' },
        note: 'Call me at +49 171 2345678 about card 4111 1111 1111 1111',
        paid: true,
      },
      missing: ['Gorgias: tracking number and SKUs of order #104712 are not on the order card'],
      uncertain: ['Gorgias: message from jane.doe@example.com is shown translated'],
    });
    const report = pageReport({ snapshot, appLabel: 'Gorgias', pasted: false, version: '1', userAgent: '' });
    expect(report).toContain('- customer.name: text, 8 chars');
    expect(report).toContain('- customer.email: e-mail');
    expect(report).toContain('- customer.phone: phone number');
    expect(report).toMatch(/- note: text, \d+ chars \(contains card-like number, phone number\)/);
    expect(report).toContain('- paid: yes');
    expect(report).toContain('order [number] are not on');
    expect(report).toContain('message from [EMAIL_1] is shown');
    for (const leak of ['Jane', 'jane.doe', '555', '2345678', '4111', '104712']) expect(report).not.toContain(leak);
    expect(report).toContain('Browser: unknown');
  });

  it('says when the panel works from pasted text and what the user filled in', () => {
    const report = pageReport({
      snapshot: exampleTicketSnapshot({ recognised: false, page: 'unknown', data: null, source: 'user' }),
      appLabel: 'Gorgias',
      pasted: true,
      fixed: ['order number'],
      version: '1',
      userAgent: CHROME_UA,
    });
    expect(report).toContain('Page kind: unknown (not recognised)');
    expect(report).toContain('Source: pasted');
    expect(report).toContain('Fields read (0):\n- none');
    expect(report).toContain('Filled in by the user:\n- order number');
  });
});

describe('report helpers', () => {
  it('redactUrl keeps the origin and named path parts only', () => {
    expect(redactUrl('https://admin.shopify.com/store/northwind/products/8123456789?variant=1#x')).toBe(
      'https://admin.shopify.com/store/northwind/products/[id] (query string removed) (fragment removed)',
    );
    expect(redactUrl('nonsense')).toBe('[not a web address]');
  });

  it('valueShape describes without the value', () => {
    expect(valueShape('2026-11-12')).toBe('date');
    expect(valueShape(12.5)).toBe('number');
    expect(valueShape([1, 2])).toBe('list, 2 items');
    expect(valueShape('')).toBe('empty text');
  });

  it('browserOf picks Firefox and Edge over Chrome-like tokens', () => {
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox 133 on Windows',
    );
    expect(browserOf(`${CHROME_UA} Edg/131.0.0.0`)).toBe('Edge 131 on Linux');
  });
});
