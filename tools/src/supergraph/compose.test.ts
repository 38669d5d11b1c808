// The committed supergraph artifacts must be exactly what the subgraphs compose to, and the SDL each
// running subgraph reports must be the committed one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphEntries } from '@aitrader/platform';
import { currentArtifacts, staleFiles } from './cli';
import { composeSupergraph, CompositionError } from './compose';

test('committed supergraph artifacts are up to date', () => {
  expect(staleFiles(currentArtifacts().files)).toEqual([]);
});

test('composition errors are reported, not swallowed', () => {
  const a = { name: 'a', routingUrl: 'http://a/graphql', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { x: Int } type T @key(fields: "id") { id: ID! v: Int }' };
  const b = { name: 'b', routingUrl: 'http://b/graphql', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { y: Int } type T @key(fields: "id") { id: ID! v: String }' };
  expect(() => composeSupergraph([a, b])).toThrow(CompositionError);
});

test('supergraph.yaml names every subgraph of the registry with its SDL file', () => {
  const yaml = readFileSync(join(__dirname, '../../../gateway/supergraph.yaml'), 'utf8');
  expect(subgraphEntries()).toHaveLength(7);
  for (const { name } of subgraphEntries()) {
    expect(yaml).toContain(`file: ./subgraphs/${name}.graphql`);
  }
});
