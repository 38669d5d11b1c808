// One side of an L2 book: price → size, with prices kept sorted best-first (bids high to low, asks low
// to high) so the top of book and "every level better than p" are both cheap.
export type Level = [price: number, size: number];
export type BookSide = 'bid' | 'ask';

export class BookSideLevels {
  private readonly sizes = new Map<number, number>();
  /** Best first. Books are shallow, so a sorted array beats a tree in practice. */
  private readonly prices: number[] = [];
  private readonly isBetter: (a: number, b: number) => boolean;

  constructor(readonly side: BookSide) {
    this.isBetter = side === 'bid' ? (a, b) => a > b : (a, b) => a < b;
  }

  get size(): number {
    return this.prices.length;
  }

  sizeAt(price: number): number {
    return this.sizes.get(price) ?? 0;
  }

  /** Sets a level; size 0 removes it. */
  set(price: number, size: number): void {
    const had = this.sizes.has(price);
    if (size === 0) {
      if (!had) return;
      this.sizes.delete(price);
      this.prices.splice(this.insertionPoint(price), 1);
      return;
    }
    this.sizes.set(price, size);
    if (!had) this.prices.splice(this.insertionPoint(price), 0, price);
  }

  /** Removes every level strictly better than `price` and returns them. */
  removeBetterThan(price: number): Level[] {
    const removed = this.prices.splice(0, this.insertionPoint(price));
    return removed.map((p) => {
      const level: Level = [p, this.sizeAt(p)];
      this.sizes.delete(p);
      return level;
    });
  }

  best(): Level | undefined {
    const price = this.prices[0];
    return price === undefined ? undefined : [price, this.sizeAt(price)];
  }

  top(depth: number): Level[] {
    return this.prices.slice(0, Math.max(0, depth)).map((p) => [p, this.sizeAt(p)]);
  }

  clear(): void {
    this.sizes.clear();
    this.prices.length = 0;
  }

  /** First index whose price is not better than `price` (binary search). */
  private insertionPoint(price: number): number {
    let lo = 0;
    let hi = this.prices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.isBetter(this.prices[mid] as number, price)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
