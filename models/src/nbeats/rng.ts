// A small seeded pseudo-random generator (mulberry32) for weight initialisation, batch shuffling and
// synthetic data. Training must be reproducible bit for bit from a seed, so nothing in this folder
// uses Math.random; the generator's whole state is one 32-bit integer.

export interface Rng {
  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** A uniform float in [low, high). */
  uniform(low: number, high: number): number;
  /** A standard normal sample (Box–Muller; one of the pair is discarded to keep the state a single integer). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle of `values` in place. */
  shuffleInPlace(values: { length: number; [index: number]: number }): void;
}

const TWO_POW_32 = 4294967296;

/**
 * A mulberry32 generator. Any number is accepted as a seed; it is reduced to 32 bits (`seed >>> 0`),
 * so seeds that differ only above bit 31 or in their fraction give the same stream.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;

  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint32() / TWO_POW_32;

  return {
    nextUint32,
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal: () => {
      // 1 - next() is in (0, 1], so the log is finite.
      const u1 = 1 - next();
      const u2 = next();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    int: (n) => Math.floor(next() * n),
    shuffleInPlace: (values) => {
      for (let i = values.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = values[i] as number;
        values[i] = values[j] as number;
        values[j] = tmp;
      }
    },
  };
}

/**
 * A seed for an independent stream derived from a base seed (a splitmix32-style mix), so that e.g.
 * weight initialisation and batch order each get their own stream and changing the architecture
 * does not change the batch order.
 */
export function deriveSeed(seed: number, stream: number): number {
  let z = ((seed >>> 0) + Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
