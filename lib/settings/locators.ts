import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Where the user pointed on a page for a field the adapter could not read ("this is the order
 * number"), per app and field: a CSS locator the background reads the field with next time the
 * field is missing on that app (entrypoints/background/picker.ts). Exported with the settings.
 */
export const fieldLocatorsSchema = z
  .record(z.string().regex(/^(gorgias|loop)\.[a-zA-Z]{1,40}$/), z.string().min(1).max(300))
  .refine((v) => Object.keys(v).length <= 50, 'Too many saved places.');
export type FieldLocators = z.infer<typeof fieldLocatorsSchema>;

export const fieldLocators = storage.defineItem<FieldLocators>('local:settings.locators', {
  fallback: {},
  version: 1,
});

/** The saved locators, or none when the stored value is damaged. */
export async function readFieldLocators(): Promise<FieldLocators> {
  const parsed = fieldLocatorsSchema.safeParse(await fieldLocators.getValue());
  return parsed.success ? parsed.data : {};
}
