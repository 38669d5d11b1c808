// What a training job is asked to do (the `jobs.payload` of a `train` job), validated the same way by
// the GraphQL mutation that enqueues it, the worker that runs it and `npm run train`.
import { z } from 'zod';

/** Candle intervals of the marketdata subgraph (candles table). */
export const CANDLE_INTERVALS = ['1s', '1m', '5m', '15m', '1h', '1d'] as const;
export const MAX_EPOCHS = 200;

export const TrainJobPayload = z.object({
  /** The model name the version is registered under (the runners serve MODEL_NAME). */
  name: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-" starting with a letter'),
  /** Train on these instruments' candle closes (chain-linked) instead of the synthetic corpus. */
  symbols: z
    .array(z.string().regex(/^[A-Z][A-Z0-9.\-]{0,15}$/, 'must be 1-16 upper-case letters, digits, "." or "-"'))
    .max(20, 'at most 20 symbols')
    .refine((s) => new Set(s).size === s.length, 'symbols must not repeat')
    .default([]),
  interval: z.enum(CANDLE_INTERVALS).default('1m'),
  /** Train on the closes of this OHLCV CSV (readOhlcvCsv, models/src/nbeats/ohlcv.ts) instead of candles or the synthetic corpus. */
  file: z.string().min(1).optional(),
  epochs: z.number().int().min(1).max(MAX_EPOCHS).default(20),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  /** Promote the new version when it beats the naive forecast on validation (relativeToNaive < 1). */
  promote: z.boolean().default(false),
});

export type TrainJobPayload = z.infer<typeof TrainJobPayload>;

export type PayloadResult = { ok: true; payload: TrainJobPayload } | { ok: false; field: string; message: string };

/** Parses a payload; the first problem names its field (`epochs`, `symbols.1`, …). */
export function parseTrainPayload(input: unknown): PayloadResult {
  const parsed = TrainJobPayload.safeParse(input);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(input)';
  return { ok: false, field, message: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`).join('; ') };
}
