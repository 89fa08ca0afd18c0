import { parseNumber as parseLocaleNumber } from '../../import/numbers';
import type { CanonicalVariant } from '../../listings/canonical';

/**
 * The first number in a cell as the admin writes it in any locale: "$1,234.50" → 1234.5,
 * "25,00 €" → 25, "1.299,00 €" → 1299, "0,2 kg" → 0.2 (the import's locale parser); "1.299" is
 * 1299 where the admin writes a decimal comma; empty → null. Runs in the background (the schema's
 * transform), which keeps the parser out of the content script.
 */
export function parseNumber(s: string | null | undefined, decimalComma = false): number | null {
  const token = (s ?? '').match(/-?\d[\d.,\s\u00a0\u202f']*/)?.[0]?.replace(/[.,\s\u00a0\u202f']+$/, '') ?? '';
  if (!token) return null;
  if (decimalComma && /^-?\d{1,3}(\.\d{3})+$/.test(token)) return Number(token.replace(/\./g, ''));
  return parseLocaleNumber(token);
}

interface TextsIn {
  product: { variants: CanonicalVariant[] };
  variantTexts?: { price: string; compare_at_price: string; weight: string; comma: boolean }[] | undefined;
}

/** Fills each variant's price, compare-at price and weight from the texts the page showed; idempotent. */
export function interpretProductRead<T extends TextsIn>(d: T): T {
  const texts = d.variantTexts;
  if (!texts) return d;
  const variants = d.product.variants.map((v, i) => {
    const t = texts[i];
    if (!t) return v;
    return {
      ...v,
      price: v.price ?? parseNumber(t.price, t.comma),
      compare_at_price: v.compare_at_price ?? parseNumber(t.compare_at_price, t.comma),
      weight: v.weight ?? parseNumber(t.weight, t.comma),
    };
  });
  return { ...d, product: { ...d.product, variants }, variantTexts: undefined };
}
