// Public API of the signals domain: the per-symbol L2 books the pattern engine's sizes come from, and
// stream-order comparison of entry ids (redelivery detection). Pure: the pattern detectors themselves
// live in the native core (native/), which this service calls through @aitrader/native.
export { BookTracker } from './book-tracker';
export type { BookSizes } from './book-tracker';
export { entryAfter } from './entry-ids';
