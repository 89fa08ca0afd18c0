/**
 * Which of many needles occur in a haystack, in one pass (Aho–Corasick).
 *
 * The fact check asks "does this URL / tracking number occur anywhere in the sources?" once per
 * fact; answering each with `haystack.includes(needle)` costs O(facts × sources), which made a
 * 200 KB e-mail take seconds. Here the cost is O(total needle length + haystack length).
 */

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Index of the needle ending here, or -1. */
  word: number;
  /** Nearest node on the fail chain (excluding this one) that ends a needle, or -1. */
  dict: number;
}

/** The subset of `needles` that occur in `haystack` (exact, case-sensitive substring match). */
export function containedNeedles(needles: Iterable<string>, haystack: string): Set<string> {
  const list = [...new Set(needles)].filter((n) => n.length > 0);
  const found = new Set<string>();
  if (list.length === 0 || haystack.length === 0) return found;

  const nodes: Node[] = [{ next: new Map(), fail: 0, word: -1, dict: -1 }];
  list.forEach((needle, w) => {
    let at = 0;
    for (const ch of needle) {
      let to = nodes[at]!.next.get(ch);
      if (to === undefined) {
        to = nodes.length;
        nodes.push({ next: new Map(), fail: 0, word: -1, dict: -1 });
        nodes[at]!.next.set(ch, to);
      }
      at = to;
    }
    nodes[at]!.word = w;
  });

  // Breadth-first: fail links point to the longest proper suffix that is also a prefix.
  const queue: number[] = [];
  for (const to of nodes[0]!.next.values()) queue.push(to);
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    for (const [ch, to] of nodes[at]!.next) {
      let f = nodes[at]!.fail;
      while (f !== 0 && !nodes[f]!.next.has(ch)) f = nodes[f]!.fail;
      const g = nodes[f]!.next.get(ch);
      const fail = g !== undefined && g !== to ? g : 0;
      const node = nodes[to]!;
      node.fail = fail;
      node.dict = nodes[fail]!.word >= 0 ? fail : nodes[fail]!.dict;
      queue.push(to);
    }
  }

  // Each node's needles are reported once: a node already seen stops the walk along its dict
  // chain, so the whole scan stays linear however many needles share suffixes.
  const seen = new Uint8Array(nodes.length);
  let at = 0;
  for (const ch of haystack) {
    while (at !== 0 && !nodes[at]!.next.has(ch)) at = nodes[at]!.fail;
    at = nodes[at]!.next.get(ch) ?? 0;
    for (let d = at; d > 0 && seen[d] === 0; d = nodes[d]!.dict) {
      seen[d] = 1;
      const w = nodes[d]!.word;
      if (w >= 0) found.add(list[w]!);
      if (found.size === list.length) return found;
    }
  }
  return found;
}
