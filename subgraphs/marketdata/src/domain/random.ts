// A small seeded PRNG (xoshiro128**, seeded through splitmix32) with the distributions the synthetic
// generator draws from. Deterministic on every platform: 32-bit integer arithmetic only in the core.

/** splitmix32 step: spreads any 32-bit seed into well-mixed state words. */
function splitmix32(state: { a: number }): number {
  state.a = (state.a + 0x9e3779b9) | 0;
  let t = state.a ^ (state.a >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/** FNV-1a over a label, folded with a numeric seed (both halves of it, so seeds above 2^32 differ too). */
export function hashSeed(seed: number, label = ''): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  let h = 0x811c9dc5 ^ (whole >>> 0);
  h = Math.imul(h ^ Math.floor(whole / 2 ** 32), 0x01000193);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    const mix = { a: hashSeed(seed) };
    this.s0 = splitmix32(mix);
    this.s1 = splitmix32(mix);
    this.s2 = splitmix32(mix);
    this.s3 = splitmix32(mix);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one state xoshiro cannot leave
  }

  /** A generator at an exact xoshiro state (for checking against the reference implementation). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Random {
    const r = new Random(0);
    [r.s0, r.s1, r.s2, r.s3] = [s0 | 0, s1 | 0, s2 | 0, s3 | 0];
    return r;
  }

  /** An independent stream per label (e.g. per symbol): adding a symbol does not change the others. */
  static derive(seed: number, label: string): Random {
    return new Random(hashSeed(seed, label));
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number {
    return min + Math.floor(this.next() * (maxExclusive - min));
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Box-Muller; the second value of each pair is kept for the next call. */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next())); // 1 - next() is in (0, 1]: log never sees 0
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return mean + sd * radius * Math.cos(angle);
  }

  /** exp(N(mu, sigma)); choose mu = ln(mean) - sigma²/2 for a given mean. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Waiting time of a Poisson process with the given rate (mean 1 / rate). */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** Knuth's product method for small means, a rounded normal approximation above 30. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.next();
    while (product > limit) {
      k++;
      product *= this.next();
    }
    return k;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }
}
