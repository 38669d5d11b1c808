// Fixed-capacity ring buffer and its mean / population stddev; mirror of
// native/core/src/indicators/window.rs (statistics iterate in storage order, like Rust).

/** Last `capacity` values; pushing into a full window evicts the oldest. */
export class Window {
  readonly capacity: number;
  /** Storage; slots [0, length) are filled. */
  readonly values: Float64Array;
  length = 0;
  /** Slot holding the oldest value once full. */
  private head = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.values = new Float64Array(capacity);
  }

  get isFull(): boolean {
    return this.length === this.capacity;
  }

  push(x: number): void {
    if (this.length < this.capacity) {
      this.values[this.length++] = x;
      return;
    }
    this.values[this.head] = x;
    this.head++;
    if (this.head === this.capacity) this.head = 0;
  }

  /** Values oldest first. */
  toChronologicalArray(): number[] {
    const out: number[] = [];
    for (let i = this.head; i < this.length; i++) out.push(this.values[i]!);
    for (let i = 0; i < this.head; i++) out.push(this.values[i]!);
    return out;
  }
}

/** Result holder for `meanAndStddev` (reused to avoid allocating per bar). */
export interface Stats {
  mean: number;
  sd: number;
}

/**
 * Mean and population standard deviation of the window's values (non-empty), two-pass.
 * All-equal values give sd exactly 0 and that value as the mean.
 */
export function meanAndStddev(window: Window, out: Stats): void {
  const v = window.values;
  const n = window.length;
  const first = v[0]!;
  let sum = 0;
  let min = first;
  let max = first;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === max) {
    out.mean = first;
    out.sd = 0;
    return;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = v[i]! - mean;
    squares += d * d;
  }
  out.mean = mean;
  out.sd = Math.sqrt(squares / n);
}
