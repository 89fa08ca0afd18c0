import type { Order } from '../../cs/ticket';

/**
 * The sidebar order card of today's Gorgias (`packages/ecommerce/src/shopify/components/Order/
 * OrderCard*.tsx` in ines-parreira/prototypes @ 058fafcf): `Card.OrderCard--orderCard--<hash>` with
 * a header (order name + displayed date), up to four product images whose titles are only in
 * `alt`, "N items", the total as "{symbol}{total_price}", and a footer with exactly two tags,
 * financial status then fulfilment status (OrderCardStatus.tsx). No SKU, no labels, no tracking:
 * those stay missing (named by the caller) unless the API path is used. The card is read as the
 * page shows it, in the page's language; `normaliseTicket` (background) turns the words, amount
 * and date into the engine's terms, which keeps the word tables out of the content script.
 */

/** Reads one `OrderCard--orderCard` card; `parts` gives an element's text parts (the adapter's `textParts`). */
export function readOrderCard(card: Element, parts: (el: Element) => string[]): Order | null {
  const header = card.firstElementChild;
  const footer = card.lastElementChild;
  const head = header ? parts(header) : [];
  const number = head.find((p) => /^#?[A-Z]{0,6}-?\d{3,}$/i.test(p));
  if (!number || !footer || footer === header) return null;
  // React writes "{symbol}{total_price}" as two text nodes: the whole card text finds the pair.
  const total = /(?:[$€£¥]\s?[\d.,]+\d|[\d.,]*\d\s?(?:[$€£¥円]|[A-Z]{3}\b))/.exec(parts(card).join(''))?.[0] ?? null;
  const tags = parts(footer);
  return {
    number,
    financial_status: tags[0] ?? null,
    fulfillment_status: tags[1] ?? null,
    tracking_number: null,
    carrier: null,
    tracking_url: null,
    total,
    currency: null,
    created_at: head.find((p) => p !== number) ?? null,
    line_items: [...card.querySelectorAll('img[alt]')]
      .map((img) => img.getAttribute('alt')?.trim() ?? '')
      .filter(Boolean)
      .map((title) => ({ sku: null, title, quantity: null, price: null })),
  };
}
