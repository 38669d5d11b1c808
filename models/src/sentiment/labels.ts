// The label space of the sentiment classifier. It is FinBERT's (ProsusAI/finbert) exactly, so the
// platform's own model and a real FinBERT export are interchangeable behind the same loader.

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** FinBERT's id2label: class index (logits column) → label. */
export const ID2LABEL: Readonly<Record<string, SentimentLabel>> = { '0': 'positive', '1': 'negative', '2': 'neutral' };
export const LABEL2ID: Readonly<Record<SentimentLabel, number>> = { positive: 0, negative: 1, neutral: 2 };

export function isSentimentLabel(value: unknown): value is SentimentLabel {
  return typeof value === 'string' && (SENTIMENT_LABELS as readonly string[]).includes(value);
}
