import { z } from 'zod';
import { AUTONOMY_ELIGIBLE, DEFAULT_AUTONOMOUS_INTENTS } from './gate';
import { POLICY_KINDS } from './policy';
import { ROLLOUT_MODES } from './rollout';
import { INTENT_IDS, type IntentId, MONEY_INTENTS } from './taxonomy';

/** Reply in the ticket's language when a template exists for it, or always in the brand's language (English). */
export const LANGUAGE_POLICIES = ['ticket', 'brand'] as const;

/**
 * Per-brand customer-service settings (`local:settings.cs`): the one CS settings schema; narrower
 * views are `.pick`s of it. Money intents can never be made autonomous: the schema rejects them,
 * whatever the UI or an imported backup says.
 */
export const csSettingsSchema = z.object({
  version: z.literal(1).default(1),
  rolloutMode: z.enum(ROLLOUT_MODES).default('suggest'),
  threshold: z.number().min(0.5).max(1).default(0.8),
  autonomousIntents: z
    .array(z.enum(INTENT_IDS))
    .max(INTENT_IDS.length)
    .default([...DEFAULT_AUTONOMOUS_INTENTS])
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

/** What the pipeline reads of the settings. */
export const csPipelineSettingsSchema = csSettingsSchema.pick({
  rolloutMode: true,
  threshold: true,
  autonomousIntents: true,
  languagePolicy: true,
});
export type CsPipelineSettings = z.infer<typeof csPipelineSettingsSchema>;

/** The autonomy gate's part of the settings (the CLI's `--threshold`). */
export const gateConfigSchema = csSettingsSchema.pick({ threshold: true, autonomousIntents: true });
export type GateConfig = z.infer<typeof gateConfigSchema>;

/** A brand's policy texts (the CLI's `--policies` file). */
export const policiesSchema = z.object(
  Object.fromEntries(POLICY_KINDS.map((k) => [k, z.string().max(20_000).optional()])) as Record<
    (typeof POLICY_KINDS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

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
