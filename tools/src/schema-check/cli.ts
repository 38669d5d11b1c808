// `npm run schema:check [-- --base <rev>] [--json]`: Studio-style schema checks. Composes the subgraphs
// now, diffs the API schema against the base revision's committed gateway/supergraph.graphql (breaking
// changes fail unless allowed in allowed-breaking.json), and validates every shipped operation against
// the new API schema. Exit 0 on pass, 1 on failure, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompositionError } from '../supergraph/compose';
import { currentArtifacts } from '../supergraph/cli';
import { ROOT } from '../supergraph/subgraphs';
import { parseAllowListText, parseExpectedInvalidText } from './allow-list';
import { readBaseSupergraph, resolveBase } from './base-schema';
import { runCheck, type CheckResult } from './check';
import { collectOperations } from './operations';
import { formatReport } from './report';

export const ALLOW_LIST_PATH = join(__dirname, 'allowed-breaking.json');
export const EXPECTED_INVALID_PATH = join(__dirname, 'expected-invalid.json');

interface Options {
  base?: string;
  json: boolean;
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Options | string {
  const options: Options = { json: false, base: env.SCHEMA_CHECK_BASE || undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--base') {
      const value = argv[++i];
      if (!value) return '--base needs a revision';
      options.base = value;
    } else if (arg.startsWith('--base=')) options.base = arg.slice('--base='.length);
    else return `unknown argument '${arg}'`;
  }
  return options;
}

/** The check on the repository at `root` as it is now, against the committed supergraph of `base`. */
export async function checkRepository(root: string, base: string | undefined): Promise<CheckResult> {
  const revision = resolveBase(root, base);
  const baseSupergraph = readBaseSupergraph(root, revision);
  const sdl = currentArtifacts().files.get('supergraph.graphql');
  if (sdl === undefined) throw new Error('composition produced no supergraph.graphql');
  return runCheck({
    newSupergraphSdl: sdl,
    baseSupergraphSdl: baseSupergraph.sdl,
    allowList: parseAllowListText(readFileSync(ALLOW_LIST_PATH, 'utf8'), 'tools/src/schema-check/allowed-breaking.json'),
    expectedInvalid: parseExpectedInvalidText(readFileSync(EXPECTED_INVALID_PATH, 'utf8'), 'tools/src/schema-check/expected-invalid.json'),
    operations: collectOperations(root),
    base: { revision, note: baseSupergraph.note },
  });
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2), process.env);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\nusage: cli.ts [--base <rev>] [--json]\n`);
    return 2;
  }
  let result: CheckResult;
  try {
    result = await checkRepository(ROOT, options.base);
  } catch (err) {
    const message = err instanceof CompositionError || err instanceof Error ? err.message : String(err);
    if (options.json) process.stdout.write(`${JSON.stringify({ passed: false, error: message }, null, 2)}\n`);
    else process.stderr.write(`schema check FAILED: ${message}\n`);
    return 1;
  }
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result));
  return result.passed ? 0 : 1;
}

if (require.main === module) void main().then((code) => process.exit(code));
