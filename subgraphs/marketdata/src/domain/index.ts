// The marketdata domain's public API: pure logic (no I/O, no wall clock, no ambient randomness) that
// the service, GraphQL and storage layers build on. The L2 order book (OrderBook, BookBuilder, BookReplica)
// lives in @aitrader/platform, shared with the signals service.
export { MarketDataError, TimestampError, TickFileError, ReplayError, SyntheticError } from './errors';
export type { TimestampErrorCode, TickFileErrorCode, ReplayErrorCode, SyntheticErrorCode } from './errors';
export { INSTRUMENTS, isKnownSymbol, findInstrument, ticksToPrice, priceToTicks, isOnTickGrid } from './instruments';
export type { Instrument, AssetClass, GeneratorParams } from './instruments';
export { parseTimestamp, formatTimestamp, EPOCH_THRESHOLDS } from './timestamps';
export { parseTickFile } from './parse';
export type { TickFileFormat, ParseTickFileOptions, ParsedTickFile, RejectedRow } from './parse';
export { Random, hashSeed } from './random';
export { SyntheticMarket, generateTicks, MAX_EXPECTED_EVENTS } from './synthetic';
export type { SyntheticMarketOptions, GenerateTicksOptions } from './synthetic';
export { CandleAggregator, CANDLE_INTERVALS, INTERVAL_MS, bucketOpenTime, isCandleInterval } from './candles';
export type { Candle, CandleInterval, CandleAggregatorOptions } from './candles';
export { ReplaySession, orderTicksByTime, MAX_REPLAY_SPEED, DEFAULT_BATCH_SIZE } from './replay';
export type { ReplayClock, ReplayOptions, ReplayStatus, ReplayState, ReplaySpeed } from './replay';
export { FakeClock, systemClock } from './clock';
