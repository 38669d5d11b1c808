// GraphQL Code Generator mappers of the sentiment subgraph: which model type each GraphQL type's resolvers
// receive as parent (paths relative to graphql/__generated__/). Read by the root codegen.ts.
export const mappers: Record<string, string> = {
  SymbolSentiment: '../models#SymbolSentimentModel',
  NewsItem: '../models#NewsItemModel',
  NewsSentiment: '../models#NewsSentimentModel',
  SentimentModel: '../models#SentimentModelModel',
  Instrument: '../models#InstrumentRef',
};
