// GraphQL Code Generator mappers of the inference subgraph: which model type each GraphQL type's resolvers
// receive as parent (paths relative to graphql/__generated__/). Read by the root codegen.ts.
export const mappers: Record<string, string> = {
  ModelVersion: '../../storage/model-store#ModelVersionRow',
  ModelMetrics: '../views#MetricsView',
  Job: '../../storage/jobs-store#JobRow',
  Instrument: '../views#InstrumentRef',
};
