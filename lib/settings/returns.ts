import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_RETURNS_CONFIG,
  type ReturnsConfig,
  type ReturnsConfigInput,
  returnsConfigSchema,
} from '../returns/config';

/**
 * The returns policy (decision and routing rules) in `local:settings.returns`: the shape and
 * defaults are lib/returns' `returnsConfigSchema`. Shop country and currency come from the brand
 * settings, so they are set in one place.
 */
export const returnsSettings = storage.defineItem<ReturnsConfigInput>('local:settings.returns', {
  fallback: DEFAULT_RETURNS_CONFIG,
  version: 1,
});

/** The saved policy with defaults filled; a damaged value falls back to the defaults (reported once in the console). */
export function parseReturnsSettings(
  value: unknown,
  brand: { shopCountry?: string; currency?: string } = {},
): ReturnsConfig {
  const base = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const withBrand = {
    ...base,
    ...(brand.shopCountry && /^[A-Za-z]{2}$/.test(brand.shopCountry)
      ? { shopCountry: brand.shopCountry.toUpperCase() }
      : {}),
    ...(brand.currency && /^[A-Za-z]{3}$/.test(brand.currency) ? { currency: brand.currency.toUpperCase() } : {}),
  };
  const parsed = returnsConfigSchema.safeParse(withBrand);
  if (parsed.success) return parsed.data;
  console.warn('[counterpart] returns settings are invalid; defaults used', parsed.error.issues[0]?.message);
  return returnsConfigSchema.parse({ shopCountry: withBrand.shopCountry, currency: withBrand.currency });
}
