// Public entry of the N-BEATS forecaster: train on a price series, predict in TS, export to ONNX with
// metadata for the inference subgraph, checkpoint to JSON. Everything else in this folder is internal.
export { NBeatsInputError, type NBeatsInputErrorCode } from './errors';
export { createRng, deriveSeed, type Rng } from './rng';
export { DEFAULT_CONFIG, createModel, initModel, type NBeatsConfig, type NBeatsModel } from './model';
export { predict } from './predict';
export {
  DEFAULT_SEASONALITIES,
  makeWindows,
  splitChronologically,
  syntheticSeries,
  type ChronologicalSplit,
  type Seasonality,
  type SplitOptions,
  type SyntheticSeriesOptions,
  type Windows,
} from './data';
export {
  evaluateForecasts,
  meanAbsoluteError,
  meanAbsoluteScaledError,
  naiveLastValueForecast,
  naiveOneStepMae,
  perStepRelativeRmse,
  rootMeanSquaredError,
  type ForecastMetrics,
} from './metrics';
export { train, type EpochRecord, type TrainCallbacks, type TrainOptions, type TrainProgress, type TrainResult } from './train';
export {
  METADATA_KEYS,
  ONNX_INPUT_NAME,
  ONNX_IR_VERSION,
  ONNX_OPSET,
  ONNX_OUTPUT_NAME,
  exportOnnx,
  readOnnxMetadata,
  type OnnxExportMetadata,
  type OnnxMetadata,
} from './onnx-export';
export { deserializeModel, serializeModel } from './serialize';
export {
  formatOhlcvCsv,
  parseBarTime,
  parseOhlcvCsv,
  parseTradesCsv,
  readOhlcvCsv,
  tradesToBars,
  type OhlcvBar,
  type OhlcvSeries,
  type ReadOhlcvOptions,
  type Trade,
} from './ohlcv';
export { bandCoverage, naiveForecast, perStepMae, seasonalNaiveForecast, stepScores, type StepScores } from './forecast-eval';
export { BITSTAMP_BARS_FILE } from './data/make-bitstamp-bars';
