/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CandleInterval =
  | 'D1'
  | 'H1'
  | 'M1'
  | 'M5'
  | 'M15'
  | 'S1';

export type DecisionAction =
  | 'BUY'
  | 'HOLD'
  | 'SELL';

/** How the forecast's direction is read: `seed` compares forecast[0] with 0 as the seed did; `vs_last_price` with the last price. */
export type ForecastRule =
  | 'seed'
  | 'vs_last_price';

export type JobErrorCode =
  | 'ENQUEUE_FAILED'
  | 'INVALID_INPUT';

export type JobStatus =
  | 'CANCELED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ModelErrorCode =
  | 'BAD_WEIGHT'
  | 'CANDIDATE_IS_PROMOTED'
  | 'LOAD_FAILED'
  | 'NOT_FOUND'
  | 'NOT_READY'
  | 'NOT_SERVED';

export type ModelStatus =
  | 'PROMOTED'
  | 'READY'
  | 'RETIRED'
  | 'TRAINING';

export type OrderErrorCode =
  /** Pre-trade: the exposure the order opens costs more than the account's buying power. */
  | 'INSUFFICIENT_BUYING_POWER'
  | 'INVALID_ORDER'
  /** Pre-trade: an order notional above EXECUTION_MAX_ORDER_NOTIONAL. */
  | 'MAX_NOTIONAL_EXCEEDED'
  /** Pre-trade: more shares than EXECUTION_MAX_ORDER_QUANTITY. */
  | 'MAX_QUANTITY_EXCEEDED'
  | 'NOT_FOUND'
  | 'ORDER_TERMINAL'
  /** Pre-trade: a limit price farther from the market's mid than EXECUTION_PRICE_COLLAR. */
  | 'PRICE_OUTSIDE_COLLAR'
  | 'UNKNOWN_ACCOUNT'
  | 'UNKNOWN_SYMBOL';

export type OrderSide =
  | 'BUY'
  | 'SELL';

export type OrderStatus =
  | 'CANCELED'
  | 'FILLED'
  | 'NEW'
  | 'PARTIALLY_FILLED'
  | 'REJECTED';

export type OrderType =
  | 'LIMIT'
  | 'MARKET';

export type PlaceOrderInput = {
  accountId: string | number;
  clientOrderId: string;
  /** Required for LIMIT orders, on the 0.01 tick. */
  limitPrice?: number | null | undefined;
  quantity: number;
  side: OrderSide;
  strategy?: string | null | undefined;
  symbol: string;
  type: OrderType;
};

export type ReplayErrorCode =
  | 'BAD_COLUMNS'
  | 'EMPTY'
  | 'FILE_NOT_FOUND'
  | 'INVALID_INPUT'
  | 'INVALID_SPEED'
  | 'INVALID_STATE'
  | 'OUT_OF_RANGE'
  | 'REJECTED_ROWS';

export type ReplaySource =
  /** A file under the replay data directory. */
  | 'FILE'
  /** Ticks given inline in `content`. */
  | 'INLINE'
  /** The bundled sample (seeded synthetic session of AAPL, MSFT, NVDA, TSLA, SPY). */
  | 'SAMPLE'
  /** The seeded synthetic generator. */
  | 'SYNTHETIC';

export type ReplayState =
  | 'FINISHED'
  | 'IDLE'
  | 'PAUSED'
  | 'RUNNING'
  | 'STOPPED';

export type RiskLimitsInput = {
  dailyLossLimit?: number | null | undefined;
  killSwitch?: boolean | null | undefined;
  maxOrderNotional?: number | null | undefined;
  maxPositionPerSymbol?: number | null | undefined;
};

export type SentimentLabel =
  | 'NEGATIVE'
  | 'NEUTRAL'
  | 'POSITIVE';

/** Aggregation windows: 15 minutes, 1 hour (the seed's default), 1 day. */
export type SentimentWindow =
  | 'D1'
  | 'H1'
  | 'M15';

export type ServingArm =
  | 'CANDIDATE'
  | 'DRAINING'
  | 'PROMOTED'
  | 'RETIRED';

export type StartReplayInput = {
  asFastAsPossible?: boolean | null | undefined;
  /** INLINE: the file content. */
  content?: string | null | undefined;
  durationSeconds?: number | null | undefined;
  /** FILE / INLINE; inferred from the file extension when omitted. */
  format?: TickFileFormat | null | undefined;
  /**
   * Backtest mode: ticks go out one at a time, each once every consumer downstream (book, signals,
   * strategy, execution, accounts) has handled the one before; speed is ignored. A replay then gives the
   * same signals, decisions, orders and fills every time.
   */
  lockstep?: boolean | null | undefined;
  /** FILE: path relative to the replay data directory. */
  path?: string | null | undefined;
  /** SYNTHETIC: generator seed, symbols, start and duration. */
  seed?: number | null | undefined;
  source: ReplaySource;
  /** Real-time multiple; default 1. */
  speed?: number | null | undefined;
  start?: string | null | undefined;
  /** Refuse the whole file when any row is rejected (default: publish the valid rows, report the rest). */
  strict?: boolean | null | undefined;
  symbols?: Array<string> | null | undefined;
};

export type StrategyConfigInput = {
  buyThreshold?: number | null | undefined;
  forecastHorizon?: number | null | undefined;
  forecastRule?: ForecastRule | null | undefined;
  historyLength?: number | null | undefined;
  minSignalScore?: number | null | undefined;
  risk?: RiskLimitsInput | null | undefined;
  rsiOverbought?: number | null | undefined;
  sellThreshold?: number | null | undefined;
  sizing?: StrategySizingInput | null | undefined;
  timeouts?: StrategyTimeoutsInput | null | undefined;
  weights?: StrategyWeightsInput | null | undefined;
};

export type StrategyErrorCode =
  | 'INVALID_CONFIG'
  | 'NOT_FOUND';

export type StrategySizingInput = {
  basePosition?: number | null | undefined;
  fallbackVolatility?: number | null | undefined;
  maxPosition?: number | null | undefined;
  minPosition?: number | null | undefined;
  volatilityOffset?: number | null | undefined;
};

export type StrategyTimeoutsInput = {
  forecastMs?: number | null | undefined;
  overallMs?: number | null | undefined;
  sentimentMs?: number | null | undefined;
};

export type StrategyWeightsInput = {
  forecast?: number | null | undefined;
  rsi?: number | null | undefined;
  sentiment?: number | null | undefined;
  signal?: number | null | undefined;
};

export type TickFileFormat =
  | 'CSV'
  | 'NDJSON';

export type TickKind =
  | 'DEPTH'
  | 'QUOTE'
  | 'TRADE';

export type TrainModelInput = {
  /** 1..200, default 20. */
  epochs?: number | null | undefined;
  /** Candle interval for symbols: 1s, 1m (default), 5m, 15m, 1h, 1d. */
  interval?: string | null | undefined;
  /** Model name to register under; default: the one the runners serve (MODEL_NAME). */
  name?: string | null | undefined;
  /** Promote the new version if it beats the naive forecast on validation. */
  promote?: boolean | null | undefined;
  seed?: number | null | undefined;
  /** Train on these instruments' candle closes instead of the synthetic corpus. */
  symbols?: Array<string> | null | undefined;
};

export type BlotterQueryVariables = Exact<{
  accountId: string | number;
  symbol?: string | null | undefined;
  status?: OrderStatus | null | undefined;
}>;


export type BlotterQuery = { instruments: Array<{ symbol: string, name: string }>, orders: { edges: Array<{ node: { id: string, clientOrderId: string, symbol: string, side: OrderSide, type: OrderType, status: OrderStatus, quantity: number, limitPrice: number | null, filledQuantity: number, leavesQuantity: number, averageFillPrice: number | null, reason: string | null, strategy: string | null, createdAt: string, updatedAt: string } }> }, fills: { edges: Array<{ node: { tradeId: string, orderId: string, symbol: string, side: OrderSide, qty: number, price: number, fee: number, liquidity: string | null, executedAt: string } }> } };

export type PlaceOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type PlaceOrderMutation = { placeOrder: { order: { id: string, status: OrderStatus, symbol: string } | null, error: { code: OrderErrorCode, message: string, field: string | null } | null } };

export type CancelOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelOrderMutation = { cancelOrder: { order: { id: string, status: OrderStatus } | null, error: { code: OrderErrorCode, message: string } | null } };

export type BlotterOrderUpdatedSubscriptionVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type BlotterOrderUpdatedSubscription = { orderUpdated: { id: string, orderId: string, status: OrderStatus } };

export type BlotterFillReceivedSubscriptionVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type BlotterFillReceivedSubscription = { fillReceived: { tradeId: string, orderId: string } };

export type InstrumentMarketQueryVariables = Exact<{
  symbol: string;
}>;


export type InstrumentMarketQuery = { instruments: Array<{ symbol: string, name: string }>, instrument: { symbol: string, name: string, assetClass: string, currency: string, tickSize: number, lotSize: number } | null, quote: { bid: number | null, ask: number | null, bidSize: number | null, askSize: number | null, mid: number | null, spread: number | null, last: number | null, lastSize: number | null, timestamp: string } | null, orderBook: { seq: number, timestamp: string, bids: Array<{ price: number, size: number }>, asks: Array<{ price: number, size: number }> } | null, indicators: { backend: string, lastPrice: number | null, rsi: number | null, atr: number | null, vwap: number | null, bollingerUpper: number | null, bollingerMiddle: number | null, bollingerLower: number | null, barsClosed: number } | null, detectorConfig: { barMs: number, rsiOversold: number, rsiOverbought: number } };

export type InstrumentCandlesQueryVariables = Exact<{
  symbol: string;
  interval: CandleInterval;
  from?: string | null | undefined;
  first: number;
}>;


export type InstrumentCandlesQuery = { candles: { edges: Array<{ node: { openTime: string, closeTime: string, open: number, high: number, low: number, close: number, volume: number, partial: boolean } }> } };

export type InstrumentForecastQueryVariables = Exact<{
  symbol: string;
  horizon: number;
}>;


export type InstrumentForecastQuery = { forecast: { points: Array<number>, confidence: Array<number>, horizon: number, lastPrice: number, modelVersion: string, provider: string, arm: ServingArm, historySource: string, generatedAt: string } | null };

export type InstrumentSignalsQueryVariables = Exact<{
  symbol: string;
}>;


export type InstrumentSignalsQuery = { signals: { edges: Array<{ node: { id: string, detector: string, score: number, reason: string, price: number | null, timestamp: string } }> } };

export type InstrumentSentimentQueryVariables = Exact<{
  symbol: string;
  window: SentimentWindow;
}>;


export type InstrumentSentimentQuery = { sentiment: { id: string, score: number, count: number, weight: number, asOf: string, models: Array<string>, cached: boolean }, news: { edges: Array<{ node: { id: string, headline: string, source: string, url: string | null, publishedAt: string, scores: Array<{ symbol: string, label: SentimentLabel, score: number, confidence: number, model: string }> } }> } };

export type InstrumentDecisionsQueryVariables = Exact<{
  symbol: string;
}>;


export type InstrumentDecisionsQuery = { decisions: Array<{ id: string, action: DecisionAction, combinedScore: number, quantity: number, reason: string, riskRejected: boolean, riskReason: string | null, decidedAt: string }> };

export type InstrumentTicksSubscriptionVariables = Exact<{
  symbol: string;
}>;


export type InstrumentTicksSubscription = { tickReceived: { id: string, kind: TickKind, timestamp: string } };

export type InstrumentSignalEmittedSubscriptionVariables = Exact<{
  symbol: string;
}>;


export type InstrumentSignalEmittedSubscription = { signalEmitted: { id: string } };

export type InstrumentSentimentChangedSubscriptionVariables = Exact<{
  symbol: string;
  window: SentimentWindow;
}>;


export type InstrumentSentimentChangedSubscription = { sentimentChanged: { id: string, score: number } };

export type InstrumentDecisionMadeSubscriptionVariables = Exact<{
  symbol: string;
}>;


export type InstrumentDecisionMadeSubscription = { decisionMade: { id: string } };

export type ModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsQuery = { models: Array<{ id: string, name: string, version: string, kind: string, status: ModelStatus, path: string, createdAt: string, promotedAt: string | null, metrics: { relativeToNaive: number | null, mase: number | null, data: string | null, epochs: number | null, bestEpoch: number | null, trainingSeconds: number | null, validation: { count: number, mae: number | null, rmse: number | null } | null, test: { count: number, mae: number | null, rmse: number | null, relativeToNaive: number | null } | null } }>, modelMetrics: { model: string, promoted: string, candidate: string | null, candidateWeight: number | null, provider: string, providerSummary: string, versions: Array<{ version: string, arm: ServingArm, requests: number, errors: number, inFlight: number, meanLatencyMs: number | null, provider: string | null, batches: number, batchedItems: number, maxBatchSeen: number }> }, jobs: Array<{ id: string, status: JobStatus, progress: number, createdAt: string, finishedAt: string | null, error: string | null, modelVersion: { version: string } | null }> };

export type TrainingJobQueryVariables = Exact<{
  id: string | number;
}>;


export type TrainingJobQuery = { job: { id: string, type: string, status: JobStatus, progress: number, payload: string, result: string | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, modelVersion: { name: string, version: string, status: ModelStatus } | null } | null };

export type PromoteModelMutationVariables = Exact<{
  name: string;
  version: string;
}>;


export type PromoteModelMutation = { promoteModel: { model: { id: string, status: ModelStatus } | null, error: { code: ModelErrorCode, message: string, field: string | null } | null } };

export type SetModelCandidateMutationVariables = Exact<{
  name: string;
  version: string;
  weight: number;
}>;


export type SetModelCandidateMutation = { setModelCandidate: { model: { id: string, status: ModelStatus } | null, error: { code: ModelErrorCode, message: string, field: string | null } | null } };

export type ClearModelCandidateMutationVariables = Exact<{
  name: string;
}>;


export type ClearModelCandidateMutation = { clearModelCandidate: { serving: { candidate: string | null } | null, error: { code: ModelErrorCode, message: string, field: string | null } | null } };

export type TrainModelMutationVariables = Exact<{
  input: TrainModelInput;
}>;


export type TrainModelMutation = { trainModel: { job: { id: string, status: JobStatus, progress: number } | null, error: { code: JobErrorCode, message: string, field: string | null } | null } };

export type OverviewQueryVariables = Exact<{
  accountId: string | number;
}>;


export type OverviewQuery = { account: { id: string, name: string, currency: string, cash: number, startingCash: number, equity: number, buyingPower: number, realizedPnl: number, unrealizedPnl: number, marksMissing: Array<string>, positions: Array<{ symbol: string, quantity: number, averagePrice: number, marketPrice: number | null, marketValue: number, unrealizedPnl: number, realizedPnl: number }>, equityHistory: Array<{ at: string, equity: number, cash: number }> } | null, fills: { edges: Array<{ node: { tradeId: string, symbol: string, side: OrderSide, qty: number, price: number, fee: number, executedAt: string } }> }, replay: { state: ReplayState, source: string | null, speed: number | null, position: number, total: number, currentTimestamp: string | null } };

export type AccountFillsSubscriptionVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type AccountFillsSubscription = { fillReceived: { tradeId: string, orderId: string, symbol: string, side: OrderSide, qty: number, price: number, fee: number, executedAt: string } };

export type ReplayStatusFieldsFragment = { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> };

export type ReplayErrorFieldsFragment = { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null };

export type ReplayQueryVariables = Exact<{ [key: string]: never; }>;


export type ReplayQuery = { replay: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, instruments: Array<{ symbol: string }> };

export type StartReplayMutationVariables = Exact<{
  input: StartReplayInput;
}>;


export type StartReplayMutation = { startReplay: { status: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, error: { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null } | null } };

export type PauseReplayMutationVariables = Exact<{ [key: string]: never; }>;


export type PauseReplayMutation = { pauseReplay: { status: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, error: { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null } | null } };

export type ResumeReplayMutationVariables = Exact<{ [key: string]: never; }>;


export type ResumeReplayMutation = { resumeReplay: { status: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, error: { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null } | null } };

export type StopReplayMutationVariables = Exact<{ [key: string]: never; }>;


export type StopReplayMutation = { stopReplay: { status: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, error: { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null } | null } };

export type SeekReplayMutationVariables = Exact<{
  to: string;
}>;


export type SeekReplayMutation = { seekReplay: { status: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, error: { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null } | null } };

export type SetReplaySpeedMutationVariables = Exact<{
  speed?: number | null | undefined;
  asFastAsPossible?: boolean | null | undefined;
}>;


export type SetReplaySpeedMutation = { setReplaySpeed: { status: { state: ReplayState, source: string | null, speed: number | null, asFastAsPossible: boolean, lockstep: boolean, position: number, total: number, published: number, rejectedCount: number, currentTimestamp: string | null, firstTimestamp: string | null, lastTimestamp: string | null, rejectedRows: Array<{ line: number, reason: string }> }, error: { code: ReplayErrorCode, message: string, rejectedCount: number | null, rejectedRows: Array<{ line: number, reason: string }> | null } | null } };

export type StrategyQueryVariables = Exact<{
  symbol?: string | null | undefined;
}>;


export type StrategyQuery = { strategies: Array<{ name: string, enabled: boolean, config: string }>, decisions: Array<{ id: string, symbol: string, action: DecisionAction, combinedScore: number, quantity: number, reason: string, factors: string, riskRejected: boolean, riskReason: string | null, clientOrderId: string | null, signalId: string | null, decidedAt: string }> };

export type SetStrategyEnabledMutationVariables = Exact<{
  name: string;
  enabled: boolean;
}>;


export type SetStrategyEnabledMutation = { setStrategyEnabled: { strategy: { name: string, enabled: boolean, config: string } | null, error: { code: StrategyErrorCode, message: string, field: string | null } | null } };

export type ConfigureStrategyMutationVariables = Exact<{
  name: string;
  input: StrategyConfigInput;
}>;


export type ConfigureStrategyMutation = { configureStrategy: { strategy: { name: string, enabled: boolean, config: string } | null, error: { code: StrategyErrorCode, message: string, field: string | null } | null } };

export type StrategyDecisionMadeSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type StrategyDecisionMadeSubscription = { decisionMade: { id: string } };

export const ReplayStatusFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}}]} as unknown as DocumentNode<ReplayStatusFieldsFragment, unknown>;
export const ReplayErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ReplayErrorFieldsFragment, unknown>;
export const BlotterDocument = {"__meta__":{"hash":"sha256:7108c2e8d016f0f6515df9c4735300c1055a2be3f7a9b865f96b13b1b59a8ebe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Blotter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"limitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"filledQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"leavesQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"averageFillPrice"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"qty"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"liquidity"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BlotterQuery, BlotterQueryVariables>;
export const PlaceOrderDocument = {"__meta__":{"hash":"sha256:b4cb6dd780c059cfb4bc9e1b71e98168d6464663a2c6e6515d80bf550f7869fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlaceOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const CancelOrderDocument = {"__meta__":{"hash":"sha256:20a78fcf76cef2b279f58b093efce144f5f69f548bed7603819399499d89007e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const BlotterOrderUpdatedDocument = {"__meta__":{"hash":"sha256:70b297618907b1af1921e5e528da3cf4db768cf28a4a6c8fc1100dfdbf5c9001"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BlotterOrderUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BlotterOrderUpdatedSubscription, BlotterOrderUpdatedSubscriptionVariables>;
export const BlotterFillReceivedDocument = {"__meta__":{"hash":"sha256:8a5d4f8d2e70a88aa3197db4bc00f5622e3ca130bcbb75a1f0b0f8f24ef27025"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BlotterFillReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fillReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}}]}}]}}]} as unknown as DocumentNode<BlotterFillReceivedSubscription, BlotterFillReceivedSubscriptionVariables>;
export const InstrumentMarketDocument = {"__meta__":{"hash":"sha256:78be8c628ae203019182fe30d942309325437138a70ad7c2748b3f58cdf5812c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstrumentMarket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instrument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"assetClass"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"tickSize"}},{"kind":"Field","name":{"kind":"Name","value":"lotSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bid"}},{"kind":"Field","name":{"kind":"Name","value":"ask"}},{"kind":"Field","name":{"kind":"Name","value":"bidSize"}},{"kind":"Field","name":{"kind":"Name","value":"askSize"}},{"kind":"Field","name":{"kind":"Name","value":"mid"}},{"kind":"Field","name":{"kind":"Name","value":"spread"}},{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"lastSize"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orderBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"bids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backend"}},{"kind":"Field","name":{"kind":"Name","value":"lastPrice"}},{"kind":"Field","name":{"kind":"Name","value":"rsi"}},{"kind":"Field","name":{"kind":"Name","value":"atr"}},{"kind":"Field","name":{"kind":"Name","value":"vwap"}},{"kind":"Field","name":{"kind":"Name","value":"bollingerUpper"}},{"kind":"Field","name":{"kind":"Name","value":"bollingerMiddle"}},{"kind":"Field","name":{"kind":"Name","value":"bollingerLower"}},{"kind":"Field","name":{"kind":"Name","value":"barsClosed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detectorConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"barMs"}},{"kind":"Field","name":{"kind":"Name","value":"rsiOversold"}},{"kind":"Field","name":{"kind":"Name","value":"rsiOverbought"}}]}}]}}]} as unknown as DocumentNode<InstrumentMarketQuery, InstrumentMarketQueryVariables>;
export const InstrumentCandlesDocument = {"__meta__":{"hash":"sha256:e542e91196034d806f645765dd3ef835cb34aeec5f81bcc773b0dc8ec5eca0f3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstrumentCandles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CandleInterval"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openTime"}},{"kind":"Field","name":{"kind":"Name","value":"closeTime"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"partial"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstrumentCandlesQuery, InstrumentCandlesQueryVariables>;
export const InstrumentForecastDocument = {"__meta__":{"hash":"sha256:74694ed6e9d9c47cb350ad05435b7d98c67181c73168948ece7cb38bf9ce3752"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstrumentForecast"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"horizon"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forecast"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"horizon"},"value":{"kind":"Variable","name":{"kind":"Name","value":"horizon"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}},{"kind":"Field","name":{"kind":"Name","value":"lastPrice"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"arm"}},{"kind":"Field","name":{"kind":"Name","value":"historySource"}},{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}}]}}]}}]} as unknown as DocumentNode<InstrumentForecastQuery, InstrumentForecastQueryVariables>;
export const InstrumentSignalsDocument = {"__meta__":{"hash":"sha256:4df580591cf58a602754c9937219cf2cb7ddc432a806270464080880be89ea28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstrumentSignals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"detector"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstrumentSignalsQuery, InstrumentSignalsQueryVariables>;
export const InstrumentSentimentDocument = {"__meta__":{"hash":"sha256:572e6cc7ffa0b2e7fa6ebad4d7e741e02ca83051398b84381114634c44ee89b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstrumentSentiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SentimentWindow"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"news"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"model"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstrumentSentimentQuery, InstrumentSentimentQueryVariables>;
export const InstrumentDecisionsDocument = {"__meta__":{"hash":"sha256:4a99900fc91ca20994d39593e9b842a7ec89a927a5bdecf644dd95124cdb9ad3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstrumentDecisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"combinedScore"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"riskRejected"}},{"kind":"Field","name":{"kind":"Name","value":"riskReason"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]} as unknown as DocumentNode<InstrumentDecisionsQuery, InstrumentDecisionsQueryVariables>;
export const InstrumentTicksDocument = {"__meta__":{"hash":"sha256:badcc3dab595779f6968923331df4e46a5524c8d06a22129494144d1551f8c36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstrumentTicks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}}]} as unknown as DocumentNode<InstrumentTicksSubscription, InstrumentTicksSubscriptionVariables>;
export const InstrumentSignalEmittedDocument = {"__meta__":{"hash":"sha256:efc2aa70ec3a0ec145893e3a2aba144acdcbfa2b9e550c755ac4b25a2f4966c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstrumentSignalEmitted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signalEmitted"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InstrumentSignalEmittedSubscription, InstrumentSignalEmittedSubscriptionVariables>;
export const InstrumentSentimentChangedDocument = {"__meta__":{"hash":"sha256:4cc022f5f7212782c3fab625bac896c2718b2a4f596e91ed9d7f93204bf0f5d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstrumentSentimentChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SentimentWindow"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentimentChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]} as unknown as DocumentNode<InstrumentSentimentChangedSubscription, InstrumentSentimentChangedSubscriptionVariables>;
export const InstrumentDecisionMadeDocument = {"__meta__":{"hash":"sha256:ccdf591f5458465de449be3f6c4c1dec222eaa2eae055d2ebd2787278f7b3196"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"InstrumentDecisionMade"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionMade"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InstrumentDecisionMadeSubscription, InstrumentDecisionMadeSubscriptionVariables>;
export const ModelsDocument = {"__meta__":{"hash":"sha256:82b67788353d7ce7a0afa3eed5f34fb3438e51305096ec974a6297579aeaf6c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"promotedAt"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relativeToNaive"}},{"kind":"Field","name":{"kind":"Name","value":"mase"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"bestEpoch"}},{"kind":"Field","name":{"kind":"Name","value":"trainingSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"mae"}},{"kind":"Field","name":{"kind":"Name","value":"rmse"}}]}},{"kind":"Field","name":{"kind":"Name","value":"test"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"mae"}},{"kind":"Field","name":{"kind":"Name","value":"rmse"}},{"kind":"Field","name":{"kind":"Name","value":"relativeToNaive"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelMetrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"promoted"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"}},{"kind":"Field","name":{"kind":"Name","value":"candidateWeight"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerSummary"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"arm"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"inFlight"}},{"kind":"Field","name":{"kind":"Name","value":"meanLatencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"batches"}},{"kind":"Field","name":{"kind":"Name","value":"batchedItems"}},{"kind":"Field","name":{"kind":"Name","value":"maxBatchSeen"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"StringValue","value":"train","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ModelsQuery, ModelsQueryVariables>;
export const TrainingJobDocument = {"__meta__":{"hash":"sha256:12ffbd10872482a2c3b885fbe4e5b03825c9654d7e5a470c3713b63e0aa3f507"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<TrainingJobQuery, TrainingJobQueryVariables>;
export const PromoteModelDocument = {"__meta__":{"hash":"sha256:15ccd775bcbf61ba693679aaee240342114e8f405cca18f8a12610af400031ff"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PromoteModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoteModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<PromoteModelMutation, PromoteModelMutationVariables>;
export const SetModelCandidateDocument = {"__meta__":{"hash":"sha256:5aa5bd84d4eb6a3b04731251f473baf04baea0f101351224f21fcdbda7e45387"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetModelCandidate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weight"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setModelCandidate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"weight"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weight"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SetModelCandidateMutation, SetModelCandidateMutationVariables>;
export const ClearModelCandidateDocument = {"__meta__":{"hash":"sha256:5d1ea3e2ea212dc54f0d35a0ab68ac058f7944a50c45f7234344924bd67d090e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearModelCandidate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearModelCandidate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serving"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ClearModelCandidateMutation, ClearModelCandidateMutationVariables>;
export const TrainModelDocument = {"__meta__":{"hash":"sha256:ec9f7f8a8c4d98291f5cb108aa84612ac4713037ee2eb5a4913a376c4db4e161"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrainModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrainModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TrainModelMutation, TrainModelMutationVariables>;
export const OverviewDocument = {"__meta__":{"hash":"sha256:c31a3b83447799a8e74cafaebb9d87a5eb17000112901d7e872f4f773325a337"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"cash"}},{"kind":"Field","name":{"kind":"Name","value":"startingCash"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"buyingPower"}},{"kind":"Field","name":{"kind":"Name","value":"realizedPnl"}},{"kind":"Field","name":{"kind":"Name","value":"unrealizedPnl"}},{"kind":"Field","name":{"kind":"Name","value":"marksMissing"}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"averagePrice"}},{"kind":"Field","name":{"kind":"Name","value":"marketPrice"}},{"kind":"Field","name":{"kind":"Name","value":"marketValue"}},{"kind":"Field","name":{"kind":"Name","value":"unrealizedPnl"}},{"kind":"Field","name":{"kind":"Name","value":"realizedPnl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"cash"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"qty"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const AccountFillsDocument = {"__meta__":{"hash":"sha256:dac7515ec6ec49028abd08b5c1a8004eac3e1ab5b3928f255c894d465e343e48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AccountFills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fillReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"qty"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"executedAt"}}]}}]}}]} as unknown as DocumentNode<AccountFillsSubscription, AccountFillsSubscriptionVariables>;
export const ReplayDocument = {"__meta__":{"hash":"sha256:596340168cfd225cc5fa77b65254ebfaebeb93ab6c464672001d29fa3c45a8a0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Replay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}}]} as unknown as DocumentNode<ReplayQuery, ReplayQueryVariables>;
export const StartReplayDocument = {"__meta__":{"hash":"sha256:99f6c5a1c31df774ec4b4e08b87d11f6c6ea6631bca0a7e989a6459455761db5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReplay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartReplayInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReplay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<StartReplayMutation, StartReplayMutationVariables>;
export const PauseReplayDocument = {"__meta__":{"hash":"sha256:7215f63bfd73b94a7604e015080f2da5385cae2040cb6404450c1a886cf2512d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseReplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseReplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<PauseReplayMutation, PauseReplayMutationVariables>;
export const ResumeReplayDocument = {"__meta__":{"hash":"sha256:0045d97ce2e5636a215adfff408d392452471e804b2afc385605192763c0dd79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeReplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeReplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ResumeReplayMutation, ResumeReplayMutationVariables>;
export const StopReplayDocument = {"__meta__":{"hash":"sha256:4cbbbf5ea17a19fd81afa0381c5f95f7043cafcb3053e1b88b2b45331f7d43ee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopReplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopReplay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<StopReplayMutation, StopReplayMutationVariables>;
export const SeekReplayDocument = {"__meta__":{"hash":"sha256:cf208b4932a9af367666a789ec016eda8d0e598b9a21ed264f1d7bdfd1e08f02"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SeekReplay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seekReplay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<SeekReplayMutation, SeekReplayMutationVariables>;
export const SetReplaySpeedDocument = {"__meta__":{"hash":"sha256:01079169d6175492303a39facfedc551eb8b02bae9255844364c5274ede83c79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetReplaySpeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"speed"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asFastAsPossible"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setReplaySpeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"speed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"speed"}}},{"kind":"Argument","name":{"kind":"Name","value":"asFastAsPossible"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asFastAsPossible"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReplayErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"asFastAsPossible"}},{"kind":"Field","name":{"kind":"Name","value":"lockstep"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"firstTimestamp"}},{"kind":"Field","name":{"kind":"Name","value":"lastTimestamp"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReplayErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReplayError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<SetReplaySpeedMutation, SetReplaySpeedMutationVariables>;
export const StrategyDocument = {"__meta__":{"hash":"sha256:213514d8d51d2884a2542894458cdfb048c65a5ed2266f3d38269dd145d6a256"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Strategy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"combinedScore"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"factors"}},{"kind":"Field","name":{"kind":"Name","value":"riskRejected"}},{"kind":"Field","name":{"kind":"Name","value":"riskReason"}},{"kind":"Field","name":{"kind":"Name","value":"clientOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"signalId"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]} as unknown as DocumentNode<StrategyQuery, StrategyQueryVariables>;
export const SetStrategyEnabledDocument = {"__meta__":{"hash":"sha256:118eea820b40647c22890938877a3abe7881721ce9d412d1445eb1d824963990"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStrategyEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStrategyEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<SetStrategyEnabledMutation, SetStrategyEnabledMutationVariables>;
export const ConfigureStrategyDocument = {"__meta__":{"hash":"sha256:fcb9dd3ac869e998665a4bb596260aa87b70335fc95131b40b152726985445f6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfigureStrategy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StrategyConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configureStrategy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigureStrategyMutation, ConfigureStrategyMutationVariables>;
export const StrategyDecisionMadeDocument = {"__meta__":{"hash":"sha256:8f9b93f0433160f73d3e92678f6338d493849fa670abe24730363cccb8c0f4ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StrategyDecisionMade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionMade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StrategyDecisionMadeSubscription, StrategyDecisionMadeSubscriptionVariables>;