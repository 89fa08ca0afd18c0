import { storage } from 'wxt/utils/storage';
import { BRAND_DEFAULTS, type BrandSettings } from './schemas';

/**
 * Versioned configuration items in `storage.local`. Content scripts can read `storage.local`, so
 * nothing secret lives here: the API key is in the background's own IndexedDB.
 */
/**
 * Where AI provider settings lived before they moved to the background's own database (content
 * scripts can write `storage.local`; see `lib/db/secrets.ts`). Read once to move them, then removed.
 */
export const LEGACY_AI_SETTINGS_KEY = 'settings.ai';
export const brandSettings = storage.defineItem<BrandSettings>('local:settings.brand', {
  fallback: BRAND_DEFAULTS,
  version: 1,
});

/**
 * Every settings key a backup carries and restores. The AI provider is not among them: it lives
 * with the key in the background, is exported for reference only and never restored.
 */
export const BACKUP_SETTING_KEYS = [
  'local:settings.brand',
  'local:settings.cs',
  'local:settings.returns',
  'local:settings.planning',
  'local:settings.listings',
  'local:settings.retention',
  'local:settings.locators',
] as const;
