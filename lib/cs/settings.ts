import { z } from 'zod';
import { gateConfigSchema } from './gate';
import { DEMO_POLICIES } from './policy';
import { ROLLOUT_MODES } from './rollout';
import { DEFAULT_VOICE } from './templates';

/** Per-brand customer-service settings (options page → background). */
export const csSettingsSchema = z.object({
  rolloutMode: z.enum(ROLLOUT_MODES).default('shadow'),
  gate: gateConfigSchema.default({
    threshold: 0.8,
    autonomousIntents: ['order_status', 'tracking_request', 'product_question', 'promo_code'],
  }),
  voice: z
    .object({ brand: z.string().min(1).max(100), agent: z.string().min(1).max(100) })
    .default({ ...DEFAULT_VOICE }),
  policies: z
    .object({
      return: z.string().max(20_000).optional(),
      shipping: z.string().max(20_000).optional(),
      refund: z.string().max(20_000).optional(),
    })
    .default({ ...DEMO_POLICIES }),
});
export type CsSettings = z.infer<typeof csSettingsSchema>;

/** Defaults: shadow mode (drafts logged, not shown) until the team has seen the accepted/edited numbers. */
export const DEFAULT_CS_SETTINGS: CsSettings = csSettingsSchema.parse({});
