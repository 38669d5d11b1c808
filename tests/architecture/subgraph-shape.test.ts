// Every subgraph has the same shape (see docs/architecture.md): SDL, settings, events, a composition
// root, an application layer, a pure domain, a storage layer and thin GraphQL resolvers with generated
// types; and the service registry and the folders agree, so nothing else lists the services.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_REGISTRY, runnableServices, subgraphEntries } from '@aitrader/platform';

const ROOT = join(__dirname, '..', '..');
const SUBGRAPH_FOLDERS = readdirSync(join(ROOT, 'subgraphs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

const SHAPE = [
  'schema.graphql', 'settings.ts', 'events.ts', 'services.ts', 'index.ts',
  'application', 'domain/index.ts', 'storage',
  'graphql/context.ts', 'graphql/resolvers.ts', 'graphql/codegen-mappers.ts', 'graphql/__generated__/resolvers-types.ts',
];

test.each(SUBGRAPH_FOLDERS)('subgraphs/%s has the common shape', (name) => {
  const missing = SHAPE.filter((part) => !existsSync(join(ROOT, 'subgraphs', name, 'src', part)));
  expect(missing).toEqual([]);
});

test('every subgraph folder is one subgraph of the registry, and every registered subgraph has a folder', () => {
  const registered = subgraphEntries().map((e) => e.schema!.split('/')[1]).sort();
  expect(registered).toEqual(SUBGRAPH_FOLDERS);
});

test('every service the registry runs has index.ts (its definition) and main.ts in its folder', () => {
  const missing = runnableServices().flatMap((e) =>
    (e.kind === 'gateway' || e.kind === 'dashboard' ? ['main.ts'] : ['index.ts', 'main.ts']).filter((f) => !existsSync(join(ROOT, e.folder!, f))).map((f) => `${e.folder}/${f}`),
  );
  expect(missing).toEqual([]);
});

test('registry entries are unique in name, port, port variable, URL variable and compose name', () => {
  for (const key of ['name', 'defaultPort', 'portVariable', 'composeName'] as const) {
    const values = SERVICE_REGISTRY.map((e) => e[key]);
    expect(new Set(values).size).toBe(values.length);
  }
  const urls = SERVICE_REGISTRY.flatMap((e) => ('urlVariable' in e ? [e.urlVariable] : []));
  expect(new Set(urls).size).toBe(urls.length);
});
