import { storage } from 'wxt/utils/storage';
import type { AppId } from '../sites/hosts';
import {
  AI_DEFAULTS,
  type AiSettings,
  BRAND_DEFAULTS,
  type BrandSettings,
  DOCK_DEFAULTS,
  type DockState,
} from './schemas';

/**
 * Versioned configuration items in `storage.local`. Content scripts can read `storage.local`, so
 * nothing secret lives here: the API key is in the background's own IndexedDB.
 */
export const aiSettings = storage.defineItem<AiSettings>('local:settings.ai', { fallback: AI_DEFAULTS, version: 1 });
export const brandSettings = storage.defineItem<BrandSettings>('local:settings.brand', {
  fallback: BRAND_DEFAULTS,
  version: 1,
});

/** Dock state per host app (collapsed, width). */
export function dockState(app: AppId) {
  return storage.defineItem<DockState>(`local:dock.${app}`, { fallback: DOCK_DEFAULTS, version: 1 });
}

/** Every settings key a backup carries (secrets are never among them). */
export const BACKUP_SETTING_KEYS = [
  'local:settings.ai',
  'local:settings.brand',
  'local:settings.cs',
  'local:settings.returns',
  'local:settings.planning',
  'local:settings.listings',
] as const;
