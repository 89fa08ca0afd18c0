import {
  type BuildResult,
  type ImportOptions,
  type ImportResult,
  importStream,
  importText,
  parseNumber,
  type SourceSpec,
} from '../import/core';
import type { ReturnLineFields } from './analytics';
import { classifyReturn } from './classify';
import type { ReasonId } from './taxonomy';

/** One imported Loop return line, classified: what the insights page stores and counts. */
export interface LoopReturnLine extends ReturnLineFields {
  source: 'loop-returns';
  currency: string | null;
  outcome: string | null;
  state: string | null;
}

type Field =
  | 'returnId'
  | 'orderName'
  | 'createdAt'
  | 'state'
  | 'outcome'
  | 'customerEmail'
  | 'customerCountry'
  | 'title'
  | 'variant'
  | 'sku'
  | 'category'
  | 'price'
  | 'currency'
  | 'quantity'
  | 'parentReason'
  | 'reason'
  | 'comment';

/**
 * Parses a timestamp as Loop exports write it: `2026-11-15 10:42:07` (UTC), ISO with or without
 * an offset, or `11/15/2026`. Returns ISO-8601 UTC, or null for anything else (including
 * impossible dates such as 2026-13-45).
 */
export function parseLoopTimestamp(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(
    s,
  );
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = m;
    const z = !zone || /^(z|utc)$/i.test(zone) ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec}${z}`;
    const t = Date.parse(iso);
    if (Number.isNaN(t) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23) return null;
    return new Date(t).toISOString();
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const [, mo, d, y] = m;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d));
    const back = new Date(t);
    if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d)) return null;
    return back.toISOString();
  }
  return null;
}

const build =
  (_options: ImportOptions) =>
  (c: Record<Field, string>): BuildResult<LoopReturnLine> => {
    if (!c.returnId) return { reason: 'Return ID is empty' };
    if (!c.sku) return { reason: 'SKU is empty (the row may have too few columns)' };
    const createdAt = parseLoopTimestamp(c.createdAt);
    if (!createdAt) return { reason: `Created At is not a date: "${c.createdAt.slice(0, 40)}"` };
    const price = c.price ? parseNumber(c.price) : null;
    if (c.price && price === null) return { reason: `Price is not a number: "${c.price.slice(0, 40)}"` };
    if (price !== null && price < 0) return { reason: `Price is negative: ${price}` };
    const quantity = c.quantity ? parseNumber(c.quantity) : 1;
    if (quantity === null || !Number.isInteger(quantity) || quantity < 0) {
      return { reason: `Quantity is not a whole number: "${c.quantity.slice(0, 40)}"` };
    }
    const selectedReason = [c.parentReason, c.reason].filter(Boolean).join(' > ');
    const cls = classifyReturn({ comment: c.comment, selectedReason });
    const top = cls.reasons[0];
    const reason: ReasonId = cls.reason;
    return {
      record: {
        id: `${c.returnId}:${c.sku}`,
        source: 'loop-returns',
        returnId: c.returnId,
        sku: c.sku,
        product: c.title || c.sku,
        createdAt,
        reason,
        orderNumber: c.orderName || null,
        customerEmail: c.customerEmail || null,
        customerCountry: c.customerCountry ? c.customerCountry.toUpperCase().slice(0, 2) : null,
        title: c.title,
        variant: c.variant || null,
        category: c.category || null,
        price,
        currency: c.currency ? c.currency.toUpperCase() : null,
        quantity,
        selectedReason,
        comment: c.comment,
        outcome: c.outcome || null,
        state: c.state || null,
        confidence: top?.confidence ?? 0,
        mismatch: cls.mismatch,
        evidence: (top?.evidence ?? []).map((e) => e.text),
      },
    };
  };

/**
 * The Loop returns CSV export as a source: column names as the export writes them ("Return ID",
 * "SKU", "Return Comment", …) and Loop's data-model names (`return_id`, `return_comment`, …).
 */
export const loopReturnsSource: SourceSpec<Field, LoopReturnLine> = {
  id: 'loop-returns',
  label: 'Loop returns export',
  fields: {
    returnId: { aliases: ['Return ID', 'return_id', 'Return', 'RMA', 'Return Number', 'id'], required: true },
    orderName: { aliases: ['Order Name', 'order_name', 'Order', 'Order Number'] },
    createdAt: { aliases: ['Created At', 'created_at', 'Return Created', 'Date', 'Created'], required: true },
    state: { aliases: ['State', 'Status', 'state'] },
    outcome: { aliases: ['Outcome', 'Return Type', 'outcome'] },
    customerEmail: { aliases: ['Customer Email', 'customer_email', 'Email', 'Customer'] },
    customerCountry: { aliases: ['Customer Country', 'Country', 'Shipping Country', 'country_code'] },
    title: { aliases: ['Product Title', 'product_title', 'Title', 'Item', 'Product'] },
    variant: { aliases: ['Variant Title', 'variant_title', 'Variant'] },
    sku: { aliases: ['SKU', 'sku', 'Variant SKU', 'Line Item SKU'], required: true },
    category: { aliases: ['Product Type', 'product_type', 'Category'] },
    price: { aliases: ['Price', 'price', 'Item Price', 'Line Item Price'] },
    currency: { aliases: ['Currency', 'currency'] },
    quantity: { aliases: ['Quantity', 'Qty', 'quantity'] },
    parentReason: { aliases: ['Parent Return Reason', 'parent_return_reason', 'Parent Reason'] },
    reason: { aliases: ['Return Reason', 'return_reason', 'Reason'] },
    comment: { aliases: ['Return Comment', 'return_comment', 'Comment', 'Customer Comment', 'Customer Note'] },
  },
  rowBuilder: build,
};

/** Imports a Loop returns export from text: classified lines, rejected rows with line and reason, progress. */
export function importLoopReturnsText(text: string, options: ImportOptions = {}): ImportResult<LoopReturnLine> {
  return importText(text, loopReturnsSource, options);
}

/** Same as `importLoopReturnsText` for a File/Blob (Web Worker) or Node stream, chunk by chunk. */
export function importLoopReturnsStream(
  input: Blob | NodeJS.ReadableStream,
  options: ImportOptions = {},
): Promise<ImportResult<LoopReturnLine>> {
  return importStream(input, loopReturnsSource, options);
}
