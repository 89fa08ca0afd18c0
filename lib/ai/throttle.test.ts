import { describe, expect, it } from 'vitest';
import { throttleText } from './throttle';

describe('streamed text throttle', () => {
  it('sends at most one text per interval, never the same text twice, and a reset at once', () => {
    const sent: string[] = [];
    let t = 0;
    const push = throttleText(
      (x) => sent.push(x),
      50,
      () => t,
    );
    push('');
    push('He');
    t = 20;
    push('Hell');
    t = 60;
    push('Hello');
    t = 200;
    push('Hello');
    t = 210;
    push('');
    expect(sent).toEqual(['He', 'Hello', '']);
  });
});
