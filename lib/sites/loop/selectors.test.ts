// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findItemCards, findLabels, findSection } from './extract';
import { loadLoopFixture } from './fixture-loader';
import { LABELS, SECTION_HEADINGS, type SectionName } from './selectors';

let open: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(open.map((w) => w.happyDOM.close()));
  open = [];
});

function doc(id: string, variant: 'a' | 'b'): Document {
  const w = loadLoopFixture(`https://admin.loopreturns.com/returns/${id}?variant=${variant}`);
  open.push(w);
  return w.document as unknown as Document;
}

describe.each(['a', 'b'] as const)('Loop selectors on fixture variant %s', (variant) => {
  it('finds each section once, Purchased items only on the exchange return', () => {
    const d = doc('48213577', variant);
    for (const name of Object.keys(SECTION_HEADINGS) as SectionName[]) {
      expect(findSection(d, name), name).not.toBeNull();
    }
    expect(findSection(doc('48213578', variant), 'purchased')).toBeNull();
  });

  it('finds one item card per returned item, never the purchased exchange item', () => {
    const credits = (id: string) => findSection(doc(id, variant), 'returnCredits');
    expect(findItemCards(credits('48213577') as Element)).toHaveLength(2);
    expect(findItemCards(credits('48213579') as Element)).toHaveLength(1);
  });

  it('matches each per-item label once per card and the comment label zero times when absent', () => {
    const card = findItemCards(findSection(doc('48213579', variant), 'returnCredits') as Element)[0] as Element;
    for (const name of ['sku', 'price', 'quantity', 'category', 'reason', 'comment'] as const) {
      expect(findLabels(card, LABELS[name]), name).toHaveLength(1);
    }
    expect(findLabels(card, LABELS.photos, true)).toHaveLength(1);
    const noComment = findItemCards(findSection(doc('48213582', variant), 'returnCredits') as Element)[0] as Element;
    expect(findLabels(noComment, LABELS.comment)).toHaveLength(0);
  });

  it('matches customer labels once inside the Customer section', () => {
    const customer = findSection(doc('48213580', variant), 'customer') as Element;
    for (const name of ['name', 'email', 'country', 'ordersCount', 'returnsCount'] as const) {
      expect(findLabels(customer, LABELS[name]), name).toHaveLength(1);
    }
  });
});
