import type { IntentId } from './taxonomy';

/**
 * How the 27 intents of the Bitext customer-support set (CDLA-Sharing-1.0, read from
 * ../shared/data/bitext_customer_support/) map to Counterpart's taxonomy. Every Bitext intent is
 * mapped, none is dropped, so the benchmark's test split keeps all 863 rows. Four intents with
 * no home in a DTC helpdesk taxonomy go to `other` (change_order, contact_customer_service,
 * contact_human_agent, newsletter_subscription).
 */
export const BITEXT_MAPPING: Record<string, { intent: IntentId; reason: string }> = {
  cancel_order: { intent: 'cancel_order', reason: 'same meaning' },
  change_order: {
    intent: 'other',
    reason: 'editing items of an order has no intent of its own; it is neither an address change nor a cancellation',
  },
  change_shipping_address: { intent: 'address_change', reason: 'same meaning' },
  set_up_shipping_address: {
    intent: 'address_change',
    reason: 'entering or adding a delivery address is an address question for a DTC helpdesk, not an account one',
  },
  check_cancellation_fee: {
    intent: 'billing',
    reason: 'asks about a fee/penalty that would be charged: a billing question (and money)',
  },
  check_invoice: { intent: 'billing', reason: 'invoices are billing' },
  get_invoice: { intent: 'billing', reason: 'invoices are billing' },
  check_payment_methods: { intent: 'billing', reason: 'payment methods are billing questions' },
  payment_issue: { intent: 'billing', reason: 'failed payments are billing (the taxonomy names them)' },
  check_refund_policy: {
    intent: 'refund_status',
    reason: 'questions about refunds are kept in the refund (money) intent so they are never autonomous',
  },
  get_refund: { intent: 'refund_status', reason: 'asking for money back is a refund case' },
  track_refund: { intent: 'refund_status', reason: 'same meaning' },
  complaint: { intent: 'feedback', reason: 'a complaint is (negative) feedback; sentiment carries the tone' },
  review: { intent: 'feedback', reason: 'same meaning' },
  contact_customer_service: { intent: 'other', reason: 'opening hours / how to reach support: no taxonomy intent' },
  contact_human_agent: { intent: 'other', reason: 'asking for a human: no taxonomy intent' },
  create_account: { intent: 'account', reason: 'account management' },
  delete_account: { intent: 'account', reason: 'account management' },
  edit_account: { intent: 'account', reason: 'account management' },
  switch_account: { intent: 'account', reason: 'account management' },
  recover_password: { intent: 'account', reason: 'account access' },
  registration_problems: { intent: 'account', reason: 'account sign-up' },
  delivery_options: {
    intent: 'product_question',
    reason: 'shipping destinations/options are a pre-sale policy question (shipping policy)',
  },
  delivery_period: {
    intent: 'order_status',
    reason: '"when will my order arrive" is the classic WISMO question',
  },
  track_order: { intent: 'tracking_request', reason: 'same meaning' },
  newsletter_subscription: {
    intent: 'other',
    reason: 'marketing newsletter sign-up, not a product subscription (our `subscription` means recurring orders)',
  },
  place_order: { intent: 'product_question', reason: 'how to buy / order several items: a pre-sale question' },
};

/** Maps a Bitext intent name to our taxonomy; undefined for a name not in the table. */
export function mapBitextIntent(name: string): IntentId | undefined {
  return BITEXT_MAPPING[name]?.intent;
}
