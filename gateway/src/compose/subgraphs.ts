// The seven subgraphs the supergraph is composed from, with the exact SDL each one serves.
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { subgraphModules, type ServiceDefinition } from '@aitrader/platform';
import { definition as marketdata } from '@aitrader/subgraph-marketdata';
import { definition as signals } from '@aitrader/subgraph-signals';
import { definition as strategy } from '@aitrader/subgraph-strategy';
import { definition as execution } from '@aitrader/subgraph-execution';
import { definition as inference } from '@aitrader/subgraph-inference';
import { definition as sentiment } from '@aitrader/subgraph-sentiment';
import { definition as accounts } from '@aitrader/subgraph-accounts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own services type
export const SUBGRAPH_DEFINITIONS: ServiceDefinition<any>[] = [marketdata, signals, strategy, execution, inference, sentiment, accounts];

/** The SDL a subgraph reports through `_service { sdl }`, built from the same modules it serves. */
export function subgraphSdl<S>(def: ServiceDefinition<S>): string {
  return printSubgraphSchema(buildSubgraphSchema(subgraphModules(def)));
}
