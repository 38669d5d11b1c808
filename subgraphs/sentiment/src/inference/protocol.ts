// Messages between the sentiment service and its classifier worker thread (worker_threads), and the
// options the worker starts with. Scores travel packed in typed arrays whose buffers are transferred,
// not cloned: thousands of small result objects would cost the main thread a long deserialisation.
import type { SentimentScore } from '@aitrader/models/sentiment/classifier';

export type { SentimentScore };

/** Label order of the packed arrays (FinBERT's). */
export const PACKED_LABELS = ['positive', 'negative', 'neutral'] as const;

/** n scores as label indexes and [positive, negative, neutral] probability triples. */
export interface PackedScores {
  labels: Uint8Array;
  probabilities: Float64Array;
}

export function packScores(scores: readonly SentimentScore[]): PackedScores {
  const labels = new Uint8Array(scores.length);
  const probabilities = new Float64Array(scores.length * 3);
  scores.forEach((s, i) => {
    labels[i] = PACKED_LABELS.indexOf(s.label);
    PACKED_LABELS.forEach((l, j) => void (probabilities[i * 3 + j] = s.probabilities[l]));
  });
  return { labels, probabilities };
}

export function unpackScores({ labels, probabilities }: PackedScores): SentimentScore[] {
  return Array.from(labels, (labelIndex, i) => {
    const [positive, negative, neutral] = [probabilities[i * 3]!, probabilities[i * 3 + 1]!, probabilities[i * 3 + 2]!];
    const label = PACKED_LABELS[labelIndex]!;
    const p = { positive, negative, neutral };
    return { label, score: p[label], probabilities: p };
  });
}

export interface ClassifierWorkerOptions {
  /** Folder holding model folders (e.g. <repo>/models). */
  modelsDir: string;
  /** Model folder to load; undefined → models/finbert when present, else the shipped finance-sentiment. */
  modelName: string | undefined;
  batchSize: number;
}

/** Main thread → worker. */
export type WorkerRequest = { type: 'classify'; id: number; texts: string[] };

/** Worker → main thread. */
export type WorkerReply =
  | { type: 'ready'; modelId: string; modelName: string; loadMs: number }
  | { type: 'failed'; error: string }
  | { type: 'result'; id: number; scores: PackedScores }
  | { type: 'error'; id: number; error: string };
