/**
 * Runs async jobs one at a time per key, in the order they were queued (a job for another key runs
 * alongside). A failing job does not stop the ones queued after it.
 */
export class KeyedQueue<K> {
  private readonly tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(job, job);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Keys with a job queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
