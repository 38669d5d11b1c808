// GraphQL Code Generator mappers of the marketdata subgraph: which model type each GraphQL type's resolvers
// receive as parent (paths relative to graphql/__generated__/). Read by the root codegen.ts.
export const mappers: Record<string, string> = {
  Instrument: '../../storage/instruments-store#InstrumentRow',
  Quote: '@aitrader/platform#LatestQuote',
  OrderBook: '../../storage/market-state#StoredBook',
  Candle: '../../application/candle-query#CandleModel',
  ReplayStatus: '../../application/replay-controller#ReplayStatusModel',
  Tick: '@aitrader/platform#Tick as TickMessage',
};
