import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURNS_CONFIG } from './config';
import { configToForm, formToConfig } from './config-form';

describe('returns policy form', () => {
  it('round-trips the defaults unchanged', () => {
    const r = formToConfig(configToForm(DEFAULT_RETURNS_CONFIG));
    expect(r).toEqual({ ok: true, config: DEFAULT_RETURNS_CONFIG });
  });

  it('reads percentages and comma lists', () => {
    const f = {
      ...configToForm(DEFAULT_RETURNS_CONFIG),
      keepItShippingSharePct: '40',
      fraudCategories: 'watches,  electronics',
    };
    const r = formToConfig(f);
    expect(r.ok && r.config.keepItShippingShare).toBe(0.4);
    expect(r.ok && r.config.fraudCategories).toEqual(['watches', 'electronics']);
  });

  it('names the field of each error in plain words', () => {
    const f = {
      ...configToForm(DEFAULT_RETURNS_CONFIG),
      windowDays: 'thirty',
      highValueThreshold: '-5',
      serialMinOrders: '2.5',
      defaultWarehouse: 'Nowhere',
    };
    f.warehouses = [{ id: 'US-East', countries: 'US, Canada' }];
    const r = formToConfig(f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.windowDays).toBe('Return window: enter a number.');
    expect(r.errors.highValueThreshold).toBe('High-value threshold: must be at least 0.');
    expect(r.errors.serialMinOrders).toMatch(/whole number/);
    expect(r.errors.defaultWarehouse).toBe('Pick one of the warehouses above.');
    expect(r.errors['warehouses.0.countries']).toBe('Use two-letter country codes (not Canada).');
  });
});
