/**
 * Records by id, in first-seen order, a repeated id replacing its record in place: what a
 * `Map<string, T>` gives an import, without one. A 500k-line import spent a fifth of its time in
 * that map (its table holds a pointer per record for the garbage collector to trace on every
 * young-generation collection, and each id string is flattened to be hashed). Here the table is
 * typed arrays (slot → record index, slot → 32-bit hash of the id), which the collector skips;
 * ids are compared only when their hashes match.
 */
export class IdIndex<T extends { id: string }> {
  /** The records, first-seen order. */
  readonly items: T[] = [];
  /** Slot → record index + 1 (0: empty). Linear probing, at most half full. */
  private slots = new Int32Array(1024);
  /** Slot → hash of the id there. */
  private hashes = new Int32Array(1024);
  private mask = 1023;

  get size(): number {
    return this.items.length;
  }

  /** Adds a record, or replaces the one with the same id; true when the id was already there. */
  put(item: T): boolean {
    const id = item.id;
    const h = hashId(id);
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const k = slots[p]!;
      if (k === 0) {
        this.items.push(item);
        slots[p] = this.items.length;
        hashes[p] = h;
        if (this.items.length * 2 > mask) this.grow();
        return false;
      }
      if (hashes[p] === h && this.items[k - 1]!.id === id) {
        this.items[k - 1] = item;
        return true;
      }
    }
  }

  /** The record with this id, if any. */
  get(id: string): T | undefined {
    const h = hashId(id);
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const k = this.slots[p]!;
      if (k === 0) return undefined;
      if (this.hashes[p] === h && this.items[k - 1]!.id === id) return this.items[k - 1];
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

/** FNV-1a over the UTF-16 code units, with a final avalanche so the low bits (the slot) mix every character. */
export function hashId(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
