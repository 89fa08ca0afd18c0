import { describe, expect, it } from 'vitest';
import { partialReply } from './partial-reply';

describe('partialReply', () => {
  it('is null until the reply field starts', () => {
    expect(partialReply('')).toBeNull();
    expect(partialReply('{"rep')).toBeNull();
    expect(partialReply('{"used_sources": [], "reply": ')).toBeNull();
  });
  it('decodes the reply as far as it has arrived', () => {
    expect(partialReply('{"reply": "Hi Jane, order')).toBe('Hi Jane, order');
    expect(partialReply('{"reply":"Line one\\nLine \\"two\\"')).toBe('Line one\nLine "two"');
    expect(partialReply('{"reply":"Gr\\u00fc')).toBe('Grü');
  });
  it('holds back a split escape', () => {
    expect(partialReply('{"reply":"a\\')).toBe('a');
    expect(partialReply('{"reply":"a\\u00')).toBe('a');
  });
  it('stops at the closing quote', () => {
    expect(partialReply('{"reply":"Done.","used_sources":["order.number"]}')).toBe('Done.');
  });
});
