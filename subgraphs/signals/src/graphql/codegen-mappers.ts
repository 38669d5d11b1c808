// GraphQL Code Generator mappers of the signals subgraph: which model type each GraphQL type's resolvers
// receive as parent (paths relative to graphql/__generated__/). Read by the root codegen.ts.
export const mappers: Record<string, string> = {
  Signal: '../../storage/signals-store#StoredSignal',
  Instrument: '../../graphql/instrument-ref#InstrumentRef',
  Indicators: '../../graphql/instrument-ref#IndicatorsModel',
};
