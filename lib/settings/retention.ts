import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** How long snapshots, AI cache, usage and audit rows are kept (options page; default 90 days). */
export const retentionSettingsSchema = z.object({
  days: z.number().int().min(7).max(3650).default(90),
});
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
export const RETENTION_DEFAULTS: RetentionSettings = retentionSettingsSchema.parse({});

/** `local:settings.retention`: versioned so a later shape can migrate the saved one. */
export const retentionSettings = storage.defineItem<RetentionSettings>('local:settings.retention', {
  fallback: RETENTION_DEFAULTS,
  version: 1,
});

/** The saved period; a damaged value falls back to the default (90 days) rather than pruning more. */
export function parseRetentionSettings(value: unknown): RetentionSettings {
  const parsed = retentionSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : RETENTION_DEFAULTS;
}
