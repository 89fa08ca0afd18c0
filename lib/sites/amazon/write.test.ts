import { describe, expect, it } from 'vitest';
import { composedElements } from './dom';
import { extract } from './extract';
import { loadAmazonFixture } from './fixture-loader';
import { amazonListingEditDataSchema } from './schema';
import { clearViolationMarks, fillField, findFieldHost, focusField, markViolations } from './write';

const EDIT_URL =
  'https://sellercentral.amazon.com/abis/listing/edit/product_details?marketplaceID=ATVPDKIKX0DER&sku=MA023&asin=B0CXYZ1234&productType=SHIRT';
type PageState = {
  __formState: Record<string, string>;
  __formEvents: { type: string; name: string }[];
  __submitted: boolean;
};
const NEW_TITLE = 'Northwind Classic Tee Cotton Crew Neck T-Shirt, Black';

describe('fillField on the Seller Central editor', () => {
  it("sets the title so the page's form state sees the new value, without submitting", async () => {
    const { window, document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    const r = await fillField(document, 'title', NEW_TITLE);
    expect(r).toMatchObject({ done: true, method: 'native-setter', value: NEW_TITLE });
    const page = window as unknown as PageState;
    expect(page.__formState['item_name-0-value']).toBe(NEW_TITLE);
    expect(page.__formEvents.filter((e) => e.name === 'item_name-0-value').map((e) => e.type)).toEqual(
      expect.arrayContaining(['input', 'change']),
    );
    expect(page.__submitted).toBe(false);
    expect(findFieldHost(document, 'title')?.getAttribute('value')).toBe(NEW_TITLE);
    const data = amazonListingEditDataSchema.parse(extract(document, new URL(EDIT_URL)).data);
    expect(data.listing.title).toBe(NEW_TITLE);
  });

  it('fills a bullet by index and the search terms by attribute name', async () => {
    const { window, document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    expect((await fillField(document, 'bullets[3]', 'Tag-free neck label for all-day comfort')).done).toBe(true);
    expect((await fillField(document, 'generic_keyword-0-value', 'crewneck unisex basics summer')).done).toBe(true);
    const page = window as unknown as PageState;
    expect(page.__formState['bullet_point-3-value']).toBe('Tag-free neck label for all-day comfort');
    expect(page.__formState['generic_keyword-0-value']).toBe('crewneck unisex basics summer');
  });

  it('fills the old naming and reports a field it cannot find', async () => {
    const { document } = loadAmazonFixture('listing-edit-legacy.html', EDIT_URL);
    expect(await fillField(document, 'title', NEW_TITLE)).toMatchObject({ done: true });
    expect(await fillField(document, 'bullets[1]', 'Relaxed fit with a ribbed crew neck')).toMatchObject({
      done: true,
    });
    expect(await fillField(document, 'material', 'Cotton')).toMatchObject({ done: false, method: 'not-found' });
  });

  it('cannot reach the input behind a closed shadow root without the extension hook, and can with it', async () => {
    const { document, closedRoots } = loadAmazonFixture('listing-edit-legacy.html', EDIT_URL);
    expect(await fillField(document, 'brand', 'Northwind Apparel')).toMatchObject({
      done: false,
      method: 'no-control',
    });
    expect(
      await fillField(document, 'brand', 'Northwind Apparel', { shadowRootOf: (el) => closedRoots.get(el) ?? null }),
    ).toMatchObject({ done: true });
  });
});

describe('markViolations', () => {
  const findings = [
    {
      rule: 'AMZ-TITLE-LEN',
      field: 'title',
      severity: 'blocks_submission',
      message: 'title has 113 characters; amazon-2026-07 allows 75',
    },
    {
      rule: 'AMZ-TITLE-PROMO',
      field: 'title',
      severity: 'blocks_submission',
      message: 'promotional wording in title: free shipping',
    },
    { rule: 'AMZ-BULLET-CHARS', field: 'bullets[3]', severity: 'suppresses_listing', message: 'bullet contains ™' },
    { rule: 'AMZ-IMG-MAIN-PRESENT', field: 'images', severity: 'suppresses_listing', message: 'no MAIN image' },
  ];

  it('outlines each field once and puts a text note after it; fields not on the page are returned', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    const r = markViolations(document, findings);
    expect(r).toEqual({ marked: 2, notFound: ['images'] });
    const title = findFieldHost(document, 'title') as HTMLElement;
    expect(title.style.outline).toMatch(/2px/);
    expect(title.style.outline).toMatch(/solid/);
    const note = title.nextElementSibling;
    expect(note?.getAttribute('data-counterpart-note')).toBe('item_name-0-value');
    expect(note?.textContent).toBe(
      'Counterpart · AMZ-TITLE-LEN: title has 113 characters; amazon-2026-07 allows 75\nCounterpart · AMZ-TITLE-PROMO: promotional wording in title: free shipping',
    );
    expect(note?.children).toHaveLength(0);
  });

  it('renders a message with markup as text, never as HTML', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    markViolations(document, [{ field: 'title', severity: 'recommendation', message: '<img src=x onerror=alert(1)>' }]);
    const note = (findFieldHost(document, 'title') as HTMLElement).nextElementSibling;
    expect(note?.querySelector('img')).toBeNull();
    expect(note?.textContent).toContain('<img src=x');
  });

  it('clears every mark and restores the outline', () => {
    const { document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    markViolations(document, findings);
    expect(clearViolationMarks(document)).toBe(2);
    expect(
      [...composedElements(document)].filter(
        (e) => e.hasAttribute('data-counterpart-note') || e.hasAttribute('data-counterpart-mark'),
      ),
    ).toEqual([]);
    expect((findFieldHost(document, 'title') as HTMLElement).style.outline).toBe('');
  });
});

describe('focusField', () => {
  it('rings one field at a time and never changes its value', () => {
    const { window, document } = loadAmazonFixture('listing-edit.html', EDIT_URL);
    expect(focusField(document, 'search_terms')).toMatchObject({ done: true, method: 'scroll' });
    const terms = findFieldHost(document, 'search_terms') as HTMLElement;
    expect(terms.getAttribute('data-counterpart-focus')).toBe('');
    expect(terms.style.boxShadow).toContain('5px');
    expect(focusField(document, 'bullets[2]').done).toBe(true);
    // The ring moved: the search terms field gets its own shadow back.
    expect(terms.hasAttribute('data-counterpart-focus')).toBe(false);
    expect(terms.style.boxShadow).toBe('');
    expect((window as unknown as PageState).__formState['generic_keyword-0-value']).toBeUndefined();
    expect(focusField(document, 'highlights')).toMatchObject({ done: false, method: 'not-found' });
  });
});
