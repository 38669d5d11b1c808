// Parent types the inference resolvers hand to each other (mapped in codegen.ts).
import type { StoredModelMetrics } from '../storage/model-metrics';

/** An Instrument entity reference: the inference subgraph only knows its key. */
export interface InstrumentRef {
  symbol: string;
}

/** A version's stored metrics as read back (older rows may lack fields), with the raw JSON. */
export type MetricsView = Partial<StoredModelMetrics> & { raw: unknown };

export function metricsView(raw: unknown): MetricsView {
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Partial<StoredModelMetrics>) : {};
  return { ...object, raw };
}
