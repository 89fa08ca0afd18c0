import { storage } from 'wxt/utils/storage';
import { type CsSettings, DEFAULT_CS_SETTINGS } from '../cs/settings';

/** The stored CS settings; the schema and its parsing live in lib/cs/settings.ts. */
export const csSettings = storage.defineItem<CsSettings>('local:settings.cs', {
  fallback: DEFAULT_CS_SETTINGS,
  version: 1,
});
