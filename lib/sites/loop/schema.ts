import { z } from 'zod';
import type { ReturnCase } from '../../returns/schema';

const text = (max: number) => z.string().max(max);

/** One returned line item as the Loop return page shows it. */
export const loopItemSchema = z.object({
  sku: text(200).nullable(),
  title: text(500).nullable(),
  variant: text(300).nullable(),
  price: z.number().finite().min(0).nullable(),
  currency: text(3).nullable(),
  quantity: z.number().int().min(0).nullable(),
  category: text(200).nullable(),
  final_sale: z.boolean(),
  /** Loop's two-level reason: parent ("Size") and child ("Too small"); `text` as shown ("Size > Too small"). */
  reason: z.object({ text: text(300), parent: text(200), child: text(200).nullable() }).nullable(),
  comment: text(10_000).nullable(),
  photos: z.array(text(100_000)).max(20),
});

/** The `data` of a Loop snapshot (page `return`). */
export const loopReturnDataSchema = z.object({
  return_id: text(40),
  order_number: text(100).nullable(),
  created_at: text(40).nullable(),
  order_created_at: text(40).nullable(),
  delivered_at: text(40).nullable(),
  customer: z.object({
    email: text(320).nullable(),
    name: text(200).nullable(),
    /** ISO 3166-1 alpha-2 when the page's country could be recognised. */
    country: text(2).nullable(),
    orders_count: z.number().int().min(0).nullable(),
    returns_count: z.number().int().min(0).nullable(),
  }),
  items: z.array(loopItemSchema).max(100),
  /** The first item's reason as shown (the return's dropdown reason). */
  selected_reason: text(300).nullable(),
  /** Every item's comment, distinct, joined by blank lines. */
  comment: text(20_000).nullable(),
  photos: z.array(text(100_000)).max(40),
  requested_outcome: z.enum(['refund', 'exchange', 'store_credit']).nullable(),
  return_method: text(200).nullable(),
  status: text(60).nullable(),
});

export type LoopItem = z.infer<typeof loopItemSchema>;
export type LoopReturnData = z.infer<typeof loopReturnDataSchema>;

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
