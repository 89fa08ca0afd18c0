import type { LoopReturnData } from './schema';

/** The parts of `LoopReturnData` Loop's API gives (photos, delivery date and the customer's history stay with the page). */
export type LoopApiPart = Pick<
  LoopReturnData,
  'order_number' | 'created_at' | 'status' | 'requested_outcome' | 'items'
> & {
  customer_email: string | null;
};

/**
 * The page's reading with Loop's answer laid over it: the API decides items, reasons, comments,
 * order, dates and status; the page keeps what only it shows (photos, delivery date, customer
 * history, category, final-sale tags), matched per item by SKU.
 */
export function mergeLoopRead(dom: LoopReturnData | null, returnId: string, api: LoopApiPart): LoopReturnData {
  const items = api.items.map((item) => {
    const seen = dom?.items.find((d) => d.sku && d.sku === item.sku);
    return seen ? { ...item, category: seen.category, final_sale: seen.final_sale, photos: seen.photos } : item;
  });
  const comments = [...new Set(items.map((i) => i.comment).filter((c): c is string => !!c))];
  return {
    return_id: returnId,
    order_number: api.order_number ?? dom?.order_number ?? null,
    created_at: api.created_at ?? dom?.created_at ?? null,
    order_created_at: dom?.order_created_at ?? null,
    delivered_at: dom?.delivered_at ?? null,
    customer: dom?.customer ?? {
      email: api.customer_email,
      name: null,
      country: null,
      orders_count: null,
      returns_count: null,
    },
    items,
    selected_reason: items.find((i) => i.reason)?.reason?.text ?? null,
    comment: comments.length ? comments.join('\n\n') : null,
    photos: items.flatMap((i) => i.photos),
    requested_outcome: api.requested_outcome ?? dom?.requested_outcome ?? null,
    return_method: dom?.return_method ?? null,
    status: api.status ?? dom?.status ?? null,
  };
}
