import { describe, expect, it } from 'vitest';
import { luhnValid, redact, restore, restoreDeep } from './redact';

describe('redact', () => {
  it('replaces an email, a phone number, a street address and a Luhn-valid card number', () => {
    const text =
      'Mail jane.doe+shop@example.co.uk or call +1 (555) 123-4567. Ship to 221 Baker Street, Apt 4. Card 4111 1111 1111 1111.';
    const result = redact(text);
    expect(result.text).toBe('Mail [EMAIL_1] or call [PHONE_1]. Ship to [ADDRESS_1]. Card [CARD_1].');
    expect(result.map).toEqual({
      '[CARD_1]': '4111 1111 1111 1111',
      '[EMAIL_1]': 'jane.doe+shop@example.co.uk',
      '[PHONE_1]': '+1 (555) 123-4567',
      '[ADDRESS_1]': '221 Baker Street, Apt 4',
    });
  });

  it('leaves a 16-digit number that fails the Luhn check alone', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(redact('Ref 4111111111111112', { phone: false }).text).toBe('Ref 4111111111111112');
  });

  it('redacts German phone numbers and street addresses', () => {
    const result = redact('Bitte an Hauptstraße 12a liefern, Tel. 0171 2345678.');
    expect(result.text).toBe('Bitte an [ADDRESS_1] liefern, Tel. [PHONE_1].');
  });

  it('does not take order numbers, dates, amounts or tracking numbers for phone numbers', () => {
    const text = 'Order #104712 of 2026-11-03 (03.11.2026), total $1,299.00, tracking 1Z999AA10123456784.';
    expect(redact(text).text).toBe(text);
  });

  it('gives the same value the same placeholder and numbers new ones on', () => {
    const first = redact('a@x.com and b@x.com');
    const second = redact('b@x.com wrote to c@x.com', { map: first.map });
    expect(second.text).toBe('[EMAIL_2] wrote to [EMAIL_3]');
  });

  it('keeps a kind that is turned off', () => {
    expect(redact('mail a@x.com', { email: false }).text).toBe('mail a@x.com');
  });

  it('restores placeholders in the model answer, also inside objects', () => {
    const { map } = redact('Contact a@x.com');
    expect(restore('We will write to [EMAIL_1] today.', map)).toBe('We will write to a@x.com today.');
    expect(restore('Unknown [EMAIL_9] stays.', map)).toBe('Unknown [EMAIL_9] stays.');
    expect(restoreDeep({ to: ['[EMAIL_1]'], n: 1 }, map)).toEqual({ to: ['a@x.com'], n: 1 });
  });
});
