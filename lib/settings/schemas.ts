import { z } from 'zod';

/** The brand's own words: name, voice and policy texts the drafts cite. */
export const brandSettingsSchema = z.object({
  name: z.string().max(200),
  signature: z.string().max(500),
  voice: z.string().max(2000),
  shopCountry: z.string().max(2),
  currency: z.string().max(3),
  returnPolicy: z.string().max(20_000),
  shippingPolicy: z.string().max(20_000),
  refundPolicy: z.string().max(20_000),
});
export type BrandSettings = z.infer<typeof brandSettingsSchema>;

export const BRAND_DEFAULTS: BrandSettings = {
  name: 'Northwind Goods',
  signature: 'The Northwind Goods team',
  voice: 'Warm, brief and concrete. First names. No exclamation marks in bad news.',
  shopCountry: 'US',
  currency: 'USD',
  returnPolicy:
    'Items can be returned within 30 days of delivery for a refund or exchange. Items must be unworn, unwashed and have the original tags attached. Final-sale and personalised items cannot be returned. Return shipping is free for exchanges; a $6 label fee is deducted from refunds.',
  shippingPolicy:
    'Orders ship within 1–2 business days from our warehouse. Standard shipping in the US takes 3–5 business days; express takes 1–2 business days. International orders take 7–14 business days and may be subject to duties.',
  refundPolicy:
    'Refunds are issued to the original payment method within 5 business days after we receive and inspect the return. Store credit is issued instantly and includes a 10% bonus. Shipping costs are not refunded unless the item arrived damaged or wrong.',
};
