import type { z } from 'zod';
import { csSettingsSchema } from '../cs/settings';
import { returnsConfigSchema } from '../returns/config';
import type { BACKUP_SETTING_KEYS } from './items';
import { listingsSettingsSchema } from './listings';
import { fieldLocatorsSchema } from './locators';
import { planningSettingsSchema } from './planning';
import { retentionSettingsSchema } from './retention';
import { BRAND_DEFAULTS, brandSettingsSchema } from './schemas';

/**
 * The schema of every setting a backup restores, keyed as in storage. A value is stored as its
 * schema's output (defaults filled); brand fields the file leaves out keep the built-in defaults.
 */
export const SETTING_SCHEMAS: Record<(typeof BACKUP_SETTING_KEYS)[number], z.ZodType> = {
  'local:settings.brand': brandSettingsSchema
    .partial()
    .transform((v) => brandSettingsSchema.parse({ ...BRAND_DEFAULTS, ...v })),
  'local:settings.cs': csSettingsSchema,
  'local:settings.returns': returnsConfigSchema,
  'local:settings.planning': planningSettingsSchema,
  'local:settings.listings': listingsSettingsSchema,
  'local:settings.retention': retentionSettingsSchema,
  'local:settings.locators': fieldLocatorsSchema,
};
