/**
 * String keys numbered in first-seen order (0, 1, 2…), looked up through typed arrays: what an
 * import's `Map<string, …>` of ids gave, without one. A 500k-line import spent a fifth of its time
 * in such a map (its table holds a pointer per entry for the garbage collector to trace at every
 * young-generation collection, and every id string is flattened to be hashed). Here the table is
 * two typed arrays (slot → key number + 1, slot → 32-bit hash of the key), which the collector
 * skips; keys are compared only when their hashes match. The caller keeps the keys (`keyOf`), and
 * whatever goes with them, in arrays indexed by the key number.
 */
export class KeyIndex {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private mask = 1023;
  private n = 0;

  constructor(private readonly keyOf: (k: number) => string) {}

  /** How many keys are numbered. */
  get size(): number {
    return this.n;
  }

  /** The number of a key, or −1. */
  find(key: string): number {
    const p = this.probe(key, hashKey(key));
    return this.slots[p]! - 1;
  }

  /** The number of a key, numbering it (`size` before the call) when it is new: store the key where `keyOf` finds it. */
  add(key: string): number {
    const h = hashKey(key);
    const p = this.probe(key, h);
    const k = this.slots[p]! - 1;
    if (k >= 0) return k;
    this.slots[p] = ++this.n;
    this.hashes[p] = h;
    if (this.n * 2 > this.mask) this.grow();
    return this.n - 1;
  }

  /** The slot holding the key, or the empty slot where it goes (linear probing, the table at most half full). */
  private probe(key: string, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const k = slots[p]!;
      if (k === 0 || (this.hashes[p] === h && this.keyOf(k - 1) === key)) return p;
    }
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const size = oldSlots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    for (let i = 0; i < oldSlots.length; i++) {
      const k = oldSlots[i]!;
      if (k === 0) continue;
      const h = oldHashes[i]!;
      let p = h & mask;
      while (slots[p] !== 0) p = (p + 1) & mask;
      slots[p] = k;
      hashes[p] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}

/** Records by id, in first-seen order, a repeated id replacing its record in place (as a `Map` by id keeps them). */
export class IdIndex<T extends { id: string }> {
  /** The records, first-seen order. */
  readonly items: T[] = [];
  private readonly index = new KeyIndex((k) => this.items[k]!.id);

  get size(): number {
    return this.items.length;
  }

  /** Adds a record, or replaces the one with the same id; true when the id was already there. */
  put(item: T): boolean {
    const k = this.index.add(item.id);
    if (k < this.items.length) {
      this.items[k] = item;
      return true;
    }
    this.items.push(item);
    return false;
  }

  /** The record with this id, if any. */
  get(id: string): T | undefined {
    const k = this.index.find(id);
    return k < 0 ? undefined : this.items[k];
  }
}

/** FNV-1a over the UTF-16 code units, with a final avalanche so the low bits (the slot) mix every character. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
