import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { AMAZON_POLICIES, CHANNELS } from '../listings/types';

/** The listings settings (options page) with their defaults. */
export const listingsSettingsSchema = z.object({
  /** The brand's protected list: top sellers and hero products; suggestions only, prices flagged. */
  protectedSkus: z.array(z.string().max(200)).max(5000).default([]),
  /** `auto` follows the date (2026-07 regime from 2026-07-27). */
  amazonTitlePolicy: z.enum(['auto', ...AMAZON_POLICIES]).default('auto'),
  /** Faire wholesale = retail × ratio. */
  faireWholesaleRatio: z.number().min(0.1).max(0.8).default(0.5),
  /** Channels shown in the catalogue. */
  channels: z.array(z.enum(CHANNELS)).default(['amazon', 'walmart', 'ebay']),
});

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
