// Stable, fast string hash for traffic splitting: the same key lands in the same bucket in every
// process and release (no Math.random, no per-process seed), spread evenly over [0, 1).

/** 32-bit FNV-1a over the UTF-16 code units, then MurmurHash3's fmix32 so nearby keys spread out. */
export function stableHash32(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key's position in [0, 1): a request goes to the candidate when this is below the candidate's weight. */
export function bucketOf(key: string): number {
  return stableHash32(key) / 2 ** 32;
}
