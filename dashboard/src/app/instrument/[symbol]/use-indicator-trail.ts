// The indicator engine reports only its values at the last closed bar, so the page keeps what it has
// seen since it opened: one sample per tick time (the latest quote's), capped, reset on a new symbol.
import { useEffect, useState } from 'react';
import type { InstrumentMarketQuery } from '@/gql/graphql';

type Indicators = NonNullable<InstrumentMarketQuery['indicators']>;

export interface IndicatorSample {
  /** Seconds since the epoch of the tick the values were read at. */
  time: number;
  vwap: number | null;
  bollingerUpper: number | null;
  bollingerMiddle: number | null;
  bollingerLower: number | null;
  rsi: number | null;
  atr: number | null;
}

const MAX_SAMPLES = 2000;

export function useIndicatorTrail(symbol: string, indicators: Indicators | null | undefined, tickTime: string | null | undefined): IndicatorSample[] {
  const [trail, setTrail] = useState<{ symbol: string; samples: IndicatorSample[] }>({ symbol, samples: [] });
  useEffect(() => {
    if (!indicators || !tickTime) return;
    const time = Math.floor(new Date(tickTime).getTime() / 1000);
    if (!Number.isFinite(time)) return;
    const sample: IndicatorSample = {
      time,
      vwap: indicators.vwap,
      bollingerUpper: indicators.bollingerUpper,
      bollingerMiddle: indicators.bollingerMiddle,
      bollingerLower: indicators.bollingerLower,
      rsi: indicators.rsi,
      atr: indicators.atr,
    };
    setTrail((previous) => {
      const kept = previous.symbol === symbol ? previous.samples.filter((s) => s.time < time) : [];
      return { symbol, samples: [...kept, sample].slice(-MAX_SAMPLES) };
    });
  }, [symbol, indicators, tickTime]);
  return trail.symbol === symbol ? trail.samples : [];
}
