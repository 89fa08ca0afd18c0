import { describe, expect, it } from 'vitest';
import { BACKUP_SETTING_KEYS } from './items';
import { fieldLocatorsSchema } from './locators';
import { SETTING_SCHEMAS } from './setting-schemas';

describe('remembered field places', () => {
  it('travel with the settings in a backup, checked on restore', () => {
    expect(BACKUP_SETTING_KEYS).toContain('local:settings.locators');
    const schema = SETTING_SCHEMAS['local:settings.locators'];
    expect(schema.safeParse({ 'gorgias.orderNumber': 'div[data-qa="order-ref"]' }).success).toBe(true);
    // Only the apps with fixable fields, field names as the panel has them, short selectors.
    expect(schema.safeParse({ 'evil.orderNumber': '#x' }).success).toBe(false);
    expect(schema.safeParse({ 'gorgias.order number': '#x' }).success).toBe(false);
    expect(schema.safeParse({ 'loop.reason': 'x'.repeat(301) }).success).toBe(false);
    expect(fieldLocatorsSchema.safeParse({ 'loop.reason': '' }).success).toBe(false);
  });
});
