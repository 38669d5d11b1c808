// Public API of the strategy's pure domain layer: config, decision, risk checks, client order ids.
export {
  StrategyConfigSchema,
  StrategyConfigError,
  parseStrategyConfig,
  reconfigure,
  loadStrategyConfig,
  DEFAULT_STRATEGY_CONFIG,
  type StrategyConfig,
  type StrategyConfigInput,
  type RiskLimits,
  type ForecastRule,
  type ConfigIssue,
  type ConfigParseResult,
} from './config';
export { decide, isSignalStrongEnough, forecastHistory, type DecideInput } from './decide';
export { forecastDirection, rsiFilter, volatilityOf, positionSize, NEUTRAL_RSI } from './factors';
export {
  checkRisk,
  fitToLimits,
  type FittedQuantity,
  type SizingBound,
  isReducingOrder,
  signedQuantity,
  type RiskCode,
  type RiskResult,
  type RiskOrder,
  type AccountSnapshot,
  type RiskContext,
} from './risk';
export { clientOrderId, CLIENT_ORDER_ID_PREFIX, type ClientOrderIdParts } from './client-order-id';
export type {
  Side,
  SignalInput,
  IndicatorsInput,
  ForecastInput,
  Decision,
  TradeDecision,
  NoTradeDecision,
  DecisionFactors,
  DecisionSources,
  FactorContributions,
} from './types';
