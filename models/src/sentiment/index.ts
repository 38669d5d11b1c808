// Public surface of the finance sentiment model: loading and classifying (what services use), and the
// builder (what scripts and tests use).
export {
  DEFAULT_BATCH_SIZE,
  FINBERT_MODEL_NAME,
  PLATFORM_MODEL_NAME,
  loadSentimentClassifier,
  pickSentimentModelName,
  type LoadSentimentClassifierOptions,
  type SentimentClassifier,
  type SentimentScore,
} from './classifier';
export { ID2LABEL, LABEL2ID, SENTIMENT_LABELS, isSentimentLabel, type SentimentLabel } from './labels';
export { DEFAULT_OUT_DIR, MODEL_NAME, MODEL_VERSION, buildSentimentModel, createSentimentModelFiles, type BuildOptions, type SentimentBuildResult } from './build';
