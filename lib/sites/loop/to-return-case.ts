import type { ReturnCase } from '../../returns/schema';
import type { PageReturn } from '../../returns/service';
import type { CheckedSnapshot } from '../data-schemas';
import { pageData } from '../page-data';
import { type LoopReturnData, loopReturnDataSchema } from './schema';

/** Turns what the page showed into the case the returns engine analyses. */
export function toReturnCase(d: LoopReturnData): ReturnCase {
  return {
    items: d.items.map((i) => ({
      sku: i.sku,
      title: i.title,
      variant: i.variant,
      price: i.price,
      quantity: i.quantity,
      category: i.category,
      final_sale: i.final_sale,
    })),
    selected_reason: d.selected_reason ?? '',
    comment: d.comment ?? '',
    photos: d.photos,
    order: {
      number: d.order_number,
      created_at: d.order_created_at,
      delivered_at: d.delivered_at,
      country: d.customer.country,
    },
    customer: {
      email: d.customer.email,
      name: d.customer.name,
      country: d.customer.country,
      orders_count: d.customer.orders_count,
      returns_count: d.customer.returns_count,
    },
    requested_outcome: d.requested_outcome,
    created_at: d.created_at,
  };
}

/** A Loop return read from its page as the returns engine takes it: the case, plus what the stored lines keep. */
export function toPageReturn(d: LoopReturnData): PageReturn {
  return {
    returnId: d.return_id,
    createdAt: d.created_at,
    comment: d.comment,
    selectedReason: d.selected_reason,
    case: toReturnCase(d),
    itemNotes: d.items.map((i) => ({ reason: i.reason?.text ?? null, comment: i.comment })),
  };
}

/** The Loop return a checked snapshot shows; null for any other snapshot. */
export function loopReturnOf(snapshot: CheckedSnapshot | null): PageReturn | null {
  const d = pageData(snapshot, 'loop', 'return', loopReturnDataSchema);
  return d ? toPageReturn(d) : null;
}
