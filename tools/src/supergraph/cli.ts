// `supergraph:compose` writes the composed artifacts into gateway/; `supergraph:check` fails (exit 1)
// when composition fails or the committed artifacts differ from what the subgraphs now compose to.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, serviceUrl } from '@aitrader/platform';
import { composeSupergraph, CompositionError } from './compose';
import { registrySubgraphs, ROOT } from './subgraphs';

/** Where the composed artifacts are committed: the gateway serves them. */
const GATEWAY_DIR = join(ROOT, 'gateway');

export function currentArtifacts() {
  // Routing URLs use the default (local) config; the gateway overrides them at run time from env.
  const config = loadConfig({});
  return composeSupergraph(
    registrySubgraphs().map((s) => ({ name: s.name, routingUrl: serviceUrl(config, s.name, '/graphql'), sdl: s.sdl })),
  );
}

export function staleFiles(files: Map<string, string>): string[] {
  return [...files].filter(([path, content]) => {
    const full = join(GATEWAY_DIR, path);
    return !existsSync(full) || readFileSync(full, 'utf8') !== content;
  }).map(([path]) => path);
}

function main(mode: string | undefined): number {
  let files: Map<string, string>;
  try {
    files = currentArtifacts().files;
  } catch (err) {
    process.stderr.write(`${err instanceof CompositionError ? err.message : String(err)}\n`);
    return 1;
  }
  if (mode === 'write') {
    for (const [path, content] of files) {
      const full = join(GATEWAY_DIR, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
    process.stdout.write(`supergraph composed: ${[...files.keys()].join(', ')}\n`);
    return 0;
  }
  if (mode === 'check') {
    const stale = staleFiles(files);
    if (stale.length === 0) {
      process.stdout.write('supergraph is up to date\n');
      return 0;
    }
    process.stderr.write(`committed supergraph artifacts are stale: ${stale.join(', ')}\nrun: npm run supergraph:compose\n`);
    return 1;
  }
  process.stderr.write('usage: cli.ts write|check\n');
  return 2;
}

if (require.main === module) process.exit(main(process.argv[2]));
