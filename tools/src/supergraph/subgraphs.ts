// The subgraphs the supergraph is composed from, straight from the service registry: each one's SDL as
// it serves it (its schema.graphql plus the platform's shared service-info types and its
// `<name>Service` field), built without loading the subgraph's code.
import { basename, dirname, join } from 'node:path';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { loadSdl, subgraphEntries, subgraphModules, type ServiceName } from '@aitrader/platform';

export const ROOT = join(__dirname, '..', '..', '..');

export interface SubgraphSdl {
  name: ServiceName;
  sdl: string;
}

/** The SDL a subgraph reports through `_service { sdl }`: the same modules its server builds. */
export function subgraphSdl(name: ServiceName, schemaFile: string): string {
  const path = join(ROOT, schemaFile);
  return printSubgraphSchema(buildSubgraphSchema(subgraphModules({ name, typeDefs: loadSdl(dirname(path), basename(path)) })));
}

export function registrySubgraphs(): SubgraphSdl[] {
  return subgraphEntries().map((e) => ({ name: e.name as ServiceName, sdl: subgraphSdl(e.name as ServiceName, e.schema!) }));
}
