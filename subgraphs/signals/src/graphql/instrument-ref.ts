// Parent types the signals resolvers hand to each other (mapped in codegen.ts).
import type { IndicatorSnapshot } from '@aitrader/native';

/** An Instrument entity reference: the signals subgraph only knows its key. */
export interface InstrumentRef {
  symbol: string;
}

export type IndicatorsModel = IndicatorSnapshot & { symbol: string; backend: string };
