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

/**
 * A fresh install knows nothing about the brand: no name, no signature, no policies. Drafts never
 * cite a policy the brand did not write (issue 17); the demo brand lives in `e2e/fixtures/demo-brand.ts`
 * and is set only by `npm run demo` and the end-to-end tests' setup.
 */
export const BRAND_DEFAULTS: BrandSettings = {
  name: '',
  signature: '',
  voice: '',
  shopCountry: 'US',
  currency: 'USD',
  returnPolicy: '',
  shippingPolicy: '',
  refundPolicy: '',
};
