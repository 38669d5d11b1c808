// The L2 order book shared by every service that needs one: marketdata builds it from quote and depth
// ticks and publishes it to `book`, consumers of `book` replicate it, and signals rebuilds it from the
// same ticks with this same code (see book.ts for the rules).
export { OrderBook, BookBuilder } from './book';
export type { Level, BookSide, LevelChange, BookView, BookBuilderOptions } from './book';
export { BookReplica } from './book-replica';
export type { ReplicaResult } from './book-replica';
export { BookError } from './errors';
export type { BookErrorCode } from './errors';
