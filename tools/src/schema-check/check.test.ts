// check.ts end to end on small composed supergraphs, and the real check on this repository: the
// subgraphs composed now against the committed gateway/supergraph.graphql, every shipped operation valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '../supergraph/compose';
import { currentArtifacts } from '../supergraph/cli';
import { ROOT } from '../supergraph/subgraphs';
import { parseAllowListText, parseExpectedInvalidText } from './allow-list';
import { runCheck } from './check';
import { ALLOW_LIST_PATH, EXPECTED_INVALID_PATH, parseArgs } from './cli';
import { collectOperations, extractFromMarkdown, type Extraction } from './operations';
import { formatReport } from './report';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])';

function supergraph(orders: string, accounts = 'type Query { account(id: ID!): Account } type Account @key(fields: "id") { id: ID! cash: Float! }'): string {
  const sdl = composeSupergraph([
    { name: 'execution', routingUrl: 'http://e/graphql', sdl: `${LINK} ${orders}` },
    { name: 'accounts', routingUrl: 'http://a/graphql', sdl: `${LINK} ${accounts}` },
  ]).files.get('supergraph.graphql');
  return sdl!;
}

const BASE = supergraph('type Query { orders(first: Int): [Order!]! } type Order @key(fields: "id") { id: ID! quantity: Float! }');
const noOperations: Extraction = { documents: [], errors: [], skippedDynamic: [], skippedSdl: [] };

test('a removed field fails the check; allowed, it passes', async () => {
  const next = supergraph('type Query { orders(first: Int): [Order!]! } type Order @key(fields: "id") { id: ID! }');
  const failed = await runCheck({ newSupergraphSdl: next, baseSupergraphSdl: BASE, allowList: [], operations: noOperations });
  expect(failed.passed).toBe(false);
  expect(failed.changes.unallowed).toEqual([expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Order.quantity' })]);
  expect(formatReport(failed)).toMatch(/breaking:\n {4}FIELD_REMOVED Order.quantity[\s\S]*schema check FAILED/);

  const allowed = await runCheck({ newSupergraphSdl: next, baseSupergraphSdl: BASE, allowList: [{ path: 'Order.quantity', type: 'FIELD_REMOVED', reason: 'unused' }], operations: noOperations });
  expect(allowed.passed).toBe(true);
});

test('the diff is of API schemas: federation-only elements (@inaccessible, join__*) do not count', async () => {
  const next = supergraph('type Query { orders(first: Int): [Order!]! } type Order @key(fields: "id") { id: ID! quantity: Float! internal: String @inaccessible }');
  const r = await runCheck({ newSupergraphSdl: next, baseSupergraphSdl: BASE, allowList: [], operations: noOperations });
  expect([r.changes.breaking, r.changes.dangerous, r.changes.safe]).toEqual([[], [], []]);
});

test('operations are validated against the new API schema; listed refusal tests do not fail', async () => {
  const md = extractFromMarkdown('```graphql\n{ orders { id quantity } }\n{ account(id: "a") { cash } }\n```\n', 'README.md');
  const next = supergraph('type Query { orders(first: Int): [Order!]! } type Order @key(fields: "id") { id: ID! }');
  const allowList = [{ path: 'Order.quantity', type: 'FIELD_REMOVED', reason: 'unused' }];
  const r = await runCheck({ newSupergraphSdl: next, baseSupergraphSdl: BASE, allowList, operations: md });
  expect(r.passed).toBe(false);
  expect(r.operations.counts.markdown).toBe(2);
  expect(r.operations.failures).toEqual([expect.objectContaining({ file: 'README.md', line: 2, message: 'Cannot query field "quantity" on type "Order".' })]);
  expect(formatReport(r)).toContain('ERROR README.md:2 (query #1): Cannot query field "quantity" on type "Order".');

  const expectedInvalid = [{ file: 'README.md', operation: '{ orders { id quantity } }', reason: 'a refusal test' }];
  const listed = await runCheck({ newSupergraphSdl: next, baseSupergraphSdl: BASE, allowList, expectedInvalid, operations: md });
  expect(listed.passed).toBe(true);
  expect(listed.operations.expectedInvalid).toHaveLength(1);
});

test('no previous schema: nothing to diff, operations still validated', async () => {
  const r = await runCheck({ newSupergraphSdl: BASE, baseSupergraphSdl: null, allowList: [], operations: noOperations, base: { revision: 'HEAD', note: 'HEAD has no gateway/supergraph.graphql' } });
  expect(r.passed).toBe(true);
  expect(formatReport(r)).toContain('HEAD has no gateway/supergraph.graphql');
});

test('arguments: --base, --base=, SCHEMA_CHECK_BASE, --json', () => {
  expect(parseArgs(['--base', 'HEAD~1', '--json'], {})).toEqual({ base: 'HEAD~1', json: true });
  expect(parseArgs(['--base=main'], { SCHEMA_CHECK_BASE: 'x' })).toEqual({ base: 'main', json: false });
  expect(parseArgs([], { SCHEMA_CHECK_BASE: 'x' })).toEqual({ base: 'x', json: false });
  expect(parseArgs(['--frobnicate'], {})).toMatch(/unknown argument/);
});

test('the current repository passes: subgraphs now vs the committed supergraph, every shipped operation valid', async () => {
  const r = await runCheck({
    newSupergraphSdl: currentArtifacts().files.get('supergraph.graphql')!,
    baseSupergraphSdl: readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8'),
    allowList: parseAllowListText(readFileSync(ALLOW_LIST_PATH, 'utf8')),
    expectedInvalid: parseExpectedInvalidText(readFileSync(EXPECTED_INVALID_PATH, 'utf8')),
    operations: collectOperations(ROOT),
  });
  if (!r.passed) throw new Error(formatReport(r));
  expect(r.changes.breaking).toEqual([]);
  expect(r.operations.counts.markdown).toBeGreaterThan(0);
  expect(r.operations.counts['integration-tests']).toBeGreaterThan(50);
  expect(r.operations.unusedExpectedInvalid).toEqual([]);
});
