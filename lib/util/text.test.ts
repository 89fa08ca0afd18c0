import { describe, expect, it } from 'vitest';
import { charCount, utf8Bytes } from './text';

describe('text measures', () => {
  it('counts an emoji as one character but four bytes', () => {
    expect(charCount('a😀')).toBe(2);
    expect(utf8Bytes('a😀')).toBe(5);
  });
  it('counts a decomposed accent after NFC as one character', () => {
    expect(charCount('e\u0301')).toBe(1);
  });
});
