import { describe, expect, it } from 'vitest';
import { isReturnView, pageKind, returnIdFromUrl } from './urls';

describe('returnIdFromUrl', () => {
  it.each([
    ['https://admin.loopreturns.com/returns/48213577', '48213577'],
    ['https://admin.loopreturns.com/returns/48213577/', '48213577'],
    ['https://admin.loopreturns.com/returns/48213577?tab=history', '48213577'],
    ['https://admin.loopreturns.com/returns/1#notes', '1'],
  ])('reads the return id of %s', (url, id) => {
    expect(returnIdFromUrl(url)).toBe(id);
    expect(isReturnView(url)).toBe(true);
  });

  it.each([
    'https://admin.loopreturns.com/returns',
    'https://admin.loopreturns.com/returns?status=needs-review',
    'https://admin.loopreturns.com/settings/developers',
    'https://admin.loopreturns.com/returns/48213577/edit',
    'https://admin.loopreturns.com/returns/abc',
    'http://admin.loopreturns.com/returns/48213577',
    'https://returns.northwind.com/returns/48213577',
    'https://northwind.loopreturns.com/#/returns/48213577',
    'https://admin.shopify.com/store/northwind/apps/loop/returns/48213577',
    'not a url',
  ])('finds no return on %s', (url) => {
    expect(returnIdFromUrl(url)).toBeNull();
    expect(isReturnView(url)).toBe(false);
  });
});

describe('pageKind', () => {
  it('names the dashboard, settings and return pages', () => {
    expect(pageKind(new URL('https://admin.loopreturns.com/returns/48213577'))).toBe('return');
    expect(pageKind(new URL('https://admin.loopreturns.com/returns?tab=open'))).toBe('list');
    expect(pageKind(new URL('https://admin.loopreturns.com/settings/developers'))).toBe('settings');
    expect(pageKind(new URL('https://admin.loopreturns.com/analytics'))).toBe('unknown');
    expect(pageKind(new URL('https://example.com/returns/1'))).toBe('unknown');
  });
});
