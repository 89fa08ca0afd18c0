/** Counterpart's customer-service intent taxonomy (ids are a contract with the panel, the CLI and the model prompts). */
export const INTENT_IDS = [
  'order_status',
  'tracking_request',
  'delivery_late',
  'delivery_issue',
  'address_change',
  'cancel_order',
  'return_request',
  'exchange_request',
  'refund_status',
  'product_defect',
  'size_fit',
  'product_question',
  'promo_code',
  'subscription',
  'billing',
  'account',
  'wholesale',
  'feedback',
  'other',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

/** Human labels for chips and tables. */
export const INTENT_LABELS: Record<IntentId, string> = {
  order_status: 'Order status',
  tracking_request: 'Tracking request',
  delivery_late: 'Late delivery',
  delivery_issue: 'Delivery issue',
  address_change: 'Address change',
  cancel_order: 'Cancel order',
  return_request: 'Return request',
  exchange_request: 'Exchange request',
  refund_status: 'Refund',
  product_defect: 'Product defect',
  size_fit: 'Size & fit',
  product_question: 'Product / policy question',
  promo_code: 'Promo code',
  subscription: 'Subscription',
  billing: 'Billing',
  account: 'Account',
  wholesale: 'Wholesale',
  feedback: 'Feedback',
  other: 'Other',
};

/**
 * Intents whose resolution moves money (refunds, charges, credits, cancellations of paid orders,
 * replacements). These can never be answered autonomously, whatever a brand configures.
 */
export const MONEY_INTENTS: ReadonlySet<IntentId> = new Set<IntentId>([
  'refund_status',
  'billing',
  'cancel_order',
  'return_request',
  'exchange_request',
  'product_defect',
  'delivery_issue',
  'subscription',
]);

/** True when `id` is one of the taxonomy ids. */
export function isIntentId(id: string): id is IntentId {
  return (INTENT_IDS as readonly string[]).includes(id);
}
