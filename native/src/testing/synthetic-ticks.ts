// Deterministic synthetic tick streams for tests and the benchmark: random walks with
// volatility / drift / volume regimes, ~100 ms apart, with book sizes — enough variety that
// every detector fires.

/** mulberry32: small seeded PRNG, so every run sees the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TickColumns {
  ts: Float64Array;
  price: Float64Array;
  size: Float64Array;
  bidSize: Float64Array;
  askSize: Float64Array;
}

/** 2026-01-01T00:00:00Z, a default start so streams cross UTC midnights in long runs. */
export const DEFAULT_START_TS = 1_767_225_600_000;

/** `n` ticks of one symbol from `startTs`, gaps in [0, maxGapMs) ms (so some equal timestamps). */
export function syntheticTicks(n: number, seed: number, startTs = DEFAULT_START_TS, maxGapMs = 200): TickColumns {
  const rand = mulberry32(seed);
  const out: TickColumns = {
    ts: new Float64Array(n),
    price: new Float64Array(n),
    size: new Float64Array(n),
    bidSize: new Float64Array(n),
    askSize: new Float64Array(n),
  };
  const anchor = 50 + rand() * 150;
  let ts = startTs;
  let price = anchor;
  let vol = 0.001;
  let drift = 0;
  let volume = 10;
  for (let i = 0; i < n; i++) {
    if (rand() < 0.002) {
      vol = 0.0002 + rand() * 0.004;
      drift = (rand() - 0.5) * 0.0004;
      volume = 1 + rand() * 50;
    }
    ts += Math.floor(rand() * maxGapMs);
    // a weak pull towards the anchor keeps a million steps of trending regimes in range
    price *= 1 + drift + (rand() - 0.5) * vol - 1e-4 * Math.log(price / anchor);
    out.ts[i] = ts;
    out.price[i] = price;
    out.size[i] = 1 + Math.floor(rand() * volume);
    out.bidSize[i] = Math.floor(rand() * 100);
    out.askSize[i] = Math.floor(rand() * 100);
  }
  return out;
}

/** One tick of an interleaved multi-symbol stream. */
export interface StreamTick {
  symbol: string;
  ts: number;
  price: number;
  size: number;
  bidSize: number;
  askSize: number;
}

/** Merges per-symbol columns into one stream ordered by timestamp (stable per symbol). */
export function interleave(batches: ReadonlyArray<readonly [string, TickColumns]>): StreamTick[] {
  const stream: StreamTick[] = [];
  for (const [symbol, b] of batches) {
    for (let i = 0; i < b.ts.length; i++) {
      stream.push({ symbol, ts: b.ts[i]!, price: b.price[i]!, size: b.size[i]!, bidSize: b.bidSize[i]!, askSize: b.askSize[i]! });
    }
  }
  return stream.sort((a, b) => a.ts - b.ts); // Array.prototype.sort is stable
}
