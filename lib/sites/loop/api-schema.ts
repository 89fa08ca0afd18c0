import { z } from 'zod';
import type { LoopApiPart } from './merge';
import { type LoopItem, type LoopReturnData, loopReturnDataSchema } from './schema';

/**
 * Loop's documented "Get Return Details" answer (GET https://api.loopreturns.com/api/v1/warehouse/
 * return/details?return_id=…, header `X-Authorization: <key>`; docs.loopreturns.com/reference/
 * getreturndetails, fields also in singer-io/tap-loopreturns `tap_loopreturns/schemas/return.json`
 * @ 008f11c7). Loop says it adds fields without notice, so unknown fields are ignored; amounts may
 * come as strings or numbers.
 */
const str = (max: number) => z.string().max(max);
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);
const amount = z
  .union([z.number(), str(40)])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : Number(v)))
  .refine((v) => v === null || Number.isFinite(v));

export const loopApiLineItemSchema = z.object({
  line_item_id: z.union([z.number(), str(40)]).nullish(),
  sku: str(200).nullish(),
  title: str(500).nullish(),
  variant_title: str(300).nullish(),
  price: amount,
  return_reason: str(300).nullish(),
  parent_return_reason: str(300).nullish(),
  return_comment: str(10_000).nullish(),
  outcome: str(60).nullish(),
});

export const loopApiReturnSchema = z.object({
  id,
  state: str(60).nullish(),
  created_at: str(60).nullish(),
  order_name: str(100).nullish(),
  currency: str(3).nullish(),
  customer: z.union([str(320), z.object({ email: str(320).nullish(), name: str(200).nullish() })]).nullish(),
  exchanges: z.array(z.unknown()).max(100).nullish(),
  gift_card: amount,
  refund: amount,
  line_items: z.array(loopApiLineItemSchema).max(100).default([]),
});

const STATES: Record<string, string> = {
  open: 'Open',
  review: 'Needs Review',
  needs_review: 'Needs Review',
  closed: 'Closed',
  cancelled: 'Cancelled',
  canceled: 'Cancelled',
  expired: 'Expired',
};

/** The parts of `LoopReturnData` the API gives (photos, delivery date and the customer's history stay with the page). */
export const loopApiPartSchema = loopReturnDataSchema
  .pick({ order_number: true, created_at: true, status: true, requested_outcome: true, items: true })
  .extend({ customer_email: z.string().max(320).nullable() });

export type LoopApiResult = { ok: true; data: LoopApiPart } | { ok: false; reason: string };

/** Checks Loop's answer and its id against the return in the URL; maps it to the page's shape. */
export function returnFromApi(urlReturnId: string, json: unknown): LoopApiResult {
  const r = loopApiReturnSchema.safeParse(json);
  if (!r.success)
    return { ok: false, reason: `Loop's answer did not pass its check (${r.error.issues[0]?.path.join('.') ?? ''})` };
  if (r.data.id !== urlReturnId)
    return { ok: false, reason: `Loop answered for return ${r.data.id}, the page shows ${urlReturnId}` };
  const items: LoopItem[] = r.data.line_items.map((li) => {
    const parent = li.parent_return_reason?.trim() || null;
    const child = li.return_reason?.trim() || null;
    const text = parent && child && parent !== child ? `${parent} > ${child}` : (child ?? parent);
    return {
      sku: li.sku ?? null,
      title: li.title ?? null,
      variant: li.variant_title ?? null,
      price: li.price !== null && li.price >= 0 ? li.price : null,
      currency: r.data.currency ?? null,
      quantity: 1,
      category: null,
      final_sale: false,
      reason: text ? { text, parent: parent ?? text, child: parent && child && parent !== child ? child : null } : null,
      comment: li.return_comment?.trim() || null,
      photos: [],
    };
  });
  const outcomes = r.data.line_items.map((li) => (li.outcome ?? '').toLowerCase());
  const requested: LoopReturnData['requested_outcome'] =
    (r.data.exchanges?.length ?? 0) > 0 || outcomes.includes('exchange')
      ? 'exchange'
      : (r.data.gift_card ?? 0) > 0 || outcomes.some((o) => /gift|credit/.test(o))
        ? 'store_credit'
        : (r.data.refund ?? 0) > 0 || outcomes.includes('refund')
          ? 'refund'
          : null;
  const customer = r.data.customer;
  const email = typeof customer === 'string' ? (/\S+@\S+/.test(customer) ? customer : null) : (customer?.email ?? null);
  return {
    ok: true,
    data: {
      order_number: r.data.order_name ?? null,
      created_at: r.data.created_at ? r.data.created_at.slice(0, 10) : null,
      status: r.data.state ? (STATES[r.data.state.toLowerCase()] ?? r.data.state) : null,
      requested_outcome: requested,
      items,
      customer_email: email,
    },
  };
}
