// Per-request DataLoaders of the marketdata subgraph: the latest quote of every instrument a request
// touches (a list of instruments, or the gateway's `_entities` for the instruments of many positions)
// is read from Redis in one call.
import DataLoader from 'dataloader';
import type { AppContext, LatestQuote } from '@aitrader/platform';
import type { MarketdataServices } from '../services';
import type { MarketdataSettings } from '../settings';

export interface MarketdataLoaders {
  quote: DataLoader<string, LatestQuote | null>;
}

export function createLoaders(ctx: AppContext<MarketdataServices, MarketdataSettings>): MarketdataLoaders {
  return {
    quote: new DataLoader(async (symbols) => {
      const quotes = await ctx.services.state.quotes(symbols);
      return symbols.map((s) => quotes.get(s) ?? null);
    }),
  };
}
