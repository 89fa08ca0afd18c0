import { storage } from 'wxt/utils/storage';
import type { SettingsIO } from '../db/backup';
import { BACKUP_SETTING_KEYS } from './items';

/** Reads and writes the configuration a backup carries (never the API key, which is not in storage). */
export const extensionSettingsIO: SettingsIO = {
  async read() {
    const items = await storage.getItems([...BACKUP_SETTING_KEYS]);
    return Object.fromEntries(
      items.filter((i) => i.value !== null && i.value !== undefined).map((i) => [i.key, i.value]),
    );
  },
  async write(values) {
    const known = Object.entries(values).filter(([k]) => (BACKUP_SETTING_KEYS as readonly string[]).includes(k));
    await storage.setItems(known.map(([key, value]) => ({ key: key as (typeof BACKUP_SETTING_KEYS)[number], value })));
  },
};
