import { storage } from 'wxt/utils/storage';
import { type AiSettings, DEFAULT_AI_SETTINGS } from '../ai/settings';
import { BRAND_DEFAULTS, type BrandSettings } from './schemas';

/**
 * Versioned configuration items in `storage.local`. Content scripts can read `storage.local`, so
 * nothing secret lives here: the API key is in the background's own IndexedDB.
 */
export const aiSettings = storage.defineItem<AiSettings>('local:settings.ai', {
  fallback: DEFAULT_AI_SETTINGS,
  version: 1,
});
export const brandSettings = storage.defineItem<BrandSettings>('local:settings.brand', {
  fallback: BRAND_DEFAULTS,
  version: 1,
});

/** Every settings key a backup carries (secrets are never among them). */
export const BACKUP_SETTING_KEYS = [
  'local:settings.ai',
  'local:settings.brand',
  'local:settings.cs',
  'local:settings.returns',
  'local:settings.planning',
  'local:settings.listings',
] as const;
