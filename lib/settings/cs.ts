import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { AUTONOMY_ELIGIBLE, DEFAULT_GATE_CONFIG } from '../cs/gate';
import { ROLLOUT_MODES } from '../cs/rollout';
import { INTENT_IDS, type IntentId, MONEY_INTENTS } from '../cs/taxonomy';

/** Reply in the ticket's language when a template exists for it, or always in the brand's language (English). */
export const LANGUAGE_POLICIES = ['ticket', 'brand'] as const;

/**
 * Per-brand customer-service settings (`local:settings.cs`). Money intents can never be made
 * autonomous: the schema rejects them, whatever the UI or an imported backup says.
 */
export const csSettingsSchema = z.object({
  version: z.literal(1).default(1),
  rolloutMode: z.enum(ROLLOUT_MODES).default('suggest'),
  threshold: z.number().min(0.5).max(1).default(0.8),
  autonomousIntents: z
    .array(z.enum(INTENT_IDS))
    .max(INTENT_IDS.length)
    .default([...DEFAULT_GATE_CONFIG.autonomousIntents])
    .refine((ids) => ids.every((id) => !MONEY_INTENTS.has(id)), {
      message: 'Intents that involve money can never be autonomous.',
    })
    .refine((ids) => ids.every((id) => AUTONOMY_ELIGIBLE.has(id)), {
      message: 'Only order status, tracking, simple policy questions and promo-code resends can be autonomous.',
    }),
  languagePolicy: z.enum(LANGUAGE_POLICIES).default('ticket'),
});
export type CsSettings = z.infer<typeof csSettingsSchema>;
export const DEFAULT_CS_SETTINGS: CsSettings = csSettingsSchema.parse({});

/** Intents the options page offers as autonomous, and why the others are not offered. */
export function autonomyOption(id: IntentId): { allowed: boolean; why?: string } {
  if (MONEY_INTENTS.has(id)) return { allowed: false, why: 'involves money — never autonomous' };
  if (!AUTONOMY_ELIGIBLE.has(id)) return { allowed: false, why: 'needs a person' };
  return { allowed: true };
}

/** A damaged stored value falls back to the defaults rather than breaking triage. */
export function parseCsSettings(value: unknown): CsSettings {
  const parsed = csSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : DEFAULT_CS_SETTINGS;
}

export const csSettings = storage.defineItem<CsSettings>('local:settings.cs', {
  fallback: DEFAULT_CS_SETTINGS,
  version: 1,
});
