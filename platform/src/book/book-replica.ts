// The consumer side of the `book` stream: rebuilds a symbol's book from a snapshot and the deltas that
// follow it, and says when a gap in seq means it must wait for the next snapshot.
import type { BookUpdate } from '../messages';
import { BookSideLevels, type Level } from './book-side';

export type ReplicaResult = 'applied' | 'gap' | 'waiting-for-snapshot' | 'stale';

export class BookReplica {
  private readonly bids = new BookSideLevels('bid');
  private readonly asks = new BookSideLevels('ask');
  /** seq of the last applied update; null until a snapshot arrives (or after a gap). */
  private seq: number | null = null;

  /**
   * snapshot: replaces the book. delta: applied only when its seq is the next one; an older seq is
   * 'stale' (ignored), a skipped one is a 'gap' and the replica waits for the next snapshot.
   */
  apply(update: BookUpdate): ReplicaResult {
    if (update.kind === 'snapshot') {
      this.bids.clear();
      this.asks.clear();
      this.write(update);
      return 'applied';
    }
    if (this.seq === null) return 'waiting-for-snapshot';
    if (update.seq <= this.seq) return 'stale';
    if (update.seq !== this.seq + 1) {
      this.seq = null;
      return 'gap';
    }
    this.write(update);
    return 'applied';
  }

  get lastSeq(): number | null {
    return this.seq;
  }

  levels(): { bids: Level[]; asks: Level[] } {
    return { bids: this.bids.top(Number.POSITIVE_INFINITY), asks: this.asks.top(Number.POSITIVE_INFINITY) };
  }

  private write(update: BookUpdate): void {
    for (const [price, size] of update.bids) this.bids.set(price, size);
    for (const [price, size] of update.asks) this.asks.set(price, size);
    this.seq = update.seq;
  }
}
