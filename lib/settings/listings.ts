import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { listingsSettingsSchema } from '../listings/messages';

/** What the options page sets for the listings process: Amazon title policy, protected SKUs, Faire ratio. */
export type ListingsSettings = z.output<typeof listingsSettingsSchema>;
export const LISTINGS_DEFAULTS: ListingsSettings = listingsSettingsSchema.parse({});

/** `local:settings.listings`: versioned so a later shape can migrate the saved one. */
export const listingsSettings = storage.defineItem<ListingsSettings>('local:settings.listings', {
  fallback: LISTINGS_DEFAULTS,
  version: 1,
});

/** The saved settings with defaults filled; a damaged value falls back to the defaults field by field. */
export function parseListingsSettings(value: unknown): ListingsSettings {
  const base = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const parsed = listingsSettingsSchema.safeParse(base);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(listingsSettingsSchema.shape) as (keyof ListingsSettings)[]) {
    const field = listingsSettingsSchema.shape[key].safeParse(base[key]);
    out[key] = field.success ? field.data : LISTINGS_DEFAULTS[key];
  }
  return out as ListingsSettings;
}

/** "MA023, TEE-CL-BLK-M\nHERO-1" → unique trimmed SKUs (commas, spaces or new lines separate them). */
export function parseSkuList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 5000);
}
