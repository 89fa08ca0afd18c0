import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue';

/** A promise the test settles by hand, so order is decided by the test, never by timing. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('KeyedQueue', () => {
  it('runs jobs of one key in order even when the first one finishes last', async () => {
    const q = new KeyedQueue<number>();
    const order: string[] = [];
    const slow = gate();
    const a = q.run(1, async () => {
      await slow.promise;
      order.push('a');
    });
    const b = q.run(1, async () => {
      order.push('b');
    });
    const other = q.run(2, async () => {
      order.push('other key');
    });
    await other;
    expect(order).toEqual(['other key']);
    slow.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['other key', 'a', 'b']);
    expect(q.size).toBe(0);
  });

  it('keeps going after a job fails, and the failure reaches only its caller', async () => {
    const q = new KeyedQueue<string>();
    const failed = q.run('tab', async () => {
      throw new Error('boom');
    });
    const after = q.run('tab', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(after).resolves.toBe('ran');
  });
});
