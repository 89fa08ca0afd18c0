import { describe, expect, it } from 'vitest';
import { isTicketView, pageKind, ticketIdFromUrl } from './urls';

describe('ticketIdFromUrl', () => {
  it.each([
    ['https://acme.gorgias.com/app/ticket/40235411', '40235411'],
    ['https://acme.gorgias.com/app/views/123/456', '456'],
    ['https://acme.gorgias.com/app/views/1094/40235411/', '40235411'],
    ['https://acme.gorgias.com/app/tickets/0/40235411', '40235411'],
    ['https://acme.gorgias.com/app/tickets/77/981?tab=details', '981'],
  ])('reads the ticket id of %s', (url, id) => {
    expect(ticketIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://acme.gorgias.com/app',
    'https://acme.gorgias.com/app/views/123',
    'https://acme.gorgias.com/app/tickets',
    'https://acme.gorgias.com/app/tickets/123/open-tickets',
    'https://acme.gorgias.com/app/tickets/search',
    'https://acme.gorgias.com/app/tickets/new/email',
    'https://acme.gorgias.com/app/ticket/new',
    'https://acme.gorgias.com/app/ticket/456/print',
    'https://acme.gorgias.com/app/ticket/456/edit-widgets',
    'https://acme.gorgias.com/app/customer/77',
    'https://acme.gorgias.com/api/tickets/456',
    'https://gorgias.com/app/ticket/456',
    'https://acme.gorgias.com.evil.example/app/ticket/456',
    'http://acme.gorgias.com/app/ticket/456',
  ])('finds no ticket on %s', (url) => {
    expect(ticketIdFromUrl(url)).toBeNull();
    expect(isTicketView(url)).toBe(false);
  });
});

describe('pageKind', () => {
  it('names tickets, lists and customer pages', () => {
    expect(pageKind(new URL('https://acme.gorgias.com/app/views/123/456'))).toBe('ticket');
    expect(pageKind(new URL('https://acme.gorgias.com/app/views/123'))).toBe('list');
    expect(pageKind(new URL('https://acme.gorgias.com/app/tickets/123/open-tickets'))).toBe('list');
    expect(pageKind(new URL('https://acme.gorgias.com/app/customer/77'))).toBe('customer');
    expect(pageKind(new URL('https://acme.gorgias.com/app/settings/macros'))).toBe('unknown');
  });
});
