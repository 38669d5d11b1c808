// operations.ts: operations found in markdown, *.graphql files and TypeScript test sources.
import { classify, extractFromGraphqlFile, extractFromMarkdown, extractFromTypeScript, looksLikeOperation, stripPlaceholders } from './operations';

const MARKDOWN = [
  '# Title', // 1
  '', // 2
  '```graphql', // 3
  'mutation { trainModel(input: { epochs: 20 }) { job { id } } }', // 4
  '{ job(id: "…") { status } }', // 5
  '{ forecastFromHistory(symbol: "AAPL", history: [/* 60 prices */]) { points … } }', // 6
  '```', // 7
  '', // 8
  '```graphql', // 9
  'type Query { a: Int }', // 10
  '```', // 11
  '```ts', // 12
  'const x = `{ notMarkdownGraphql }`;', // 13
  '```', // 14
  '```graphql', // 15
  '{ broken(', // 16
  '```', // 17
].join('\n');

test('markdown: ```graphql blocks are found with their line; placeholders stripped; SDL skipped; a broken block is an error', () => {
  const r = extractFromMarkdown(MARKDOWN, 'docs/x.md');
  expect(r.documents).toHaveLength(1);
  expect(r.documents[0]).toMatchObject({ source: 'markdown', file: 'docs/x.md', line: 4 });
  expect(r.documents[0]!.text).toContain('job(id: "…")'); // strings keep their text
  expect(r.documents[0]!.text).toMatch(/history: \[ +\]\) \{ points +\} \}/);
  expect(r.documents[0]!.text).not.toContain('points …');
  expect(r.skippedSdl).toEqual([expect.objectContaining({ line: 10 })]);
  expect(r.errors).toEqual([expect.objectContaining({ file: 'docs/x.md', line: 16, message: expect.stringMatching(/Syntax Error/) })]);
});

test('stripPlaceholders keeps lines and leaves strings alone', () => {
  const stripped = stripPlaceholders('{ a(x: "/* kept */ …") /* gone\n over lines */ b }');
  expect(stripped).toBe(`{ a(x: "/* kept */ …")${' '.repeat(8)}\n${' '.repeat(15)}b }`);
});

const TS = `
import { gql } from '../support/env';
const FIELDS = 'id status';
const SUB = \`subscription($a: ID!) { fillReceived(accountId: $a) { price } }\`;
test('x', async () => {
  await gql(url, \`{ orders(first: 5) { \${pick()} } }\`);
  await gql(url, "query($id: ID!) { order(id: $id) { id } }");
  await gql(url, \`mutation { cancelOrder(id: "\${id}") { order { \${FIELDS} } } }\`);
  await gql(url, \`{ orders(first: \${n}) { id } }\`);
  await gql(url, \`{ placeOrder(side: "BUY") { id } }\`.replace('"BUY"', 'BUY'));
  await gql(url, \`{ order(id: "x") { \${dynamicSelection} } }\`);
  await gql(url, '{ broken(');
  await redis.xadd(stream, '*', 'data', '{not json');
  await waitFor(() => true, 5_000, 'subscription events');
  const json = '{"a": 1}';
});
`;

test('typescript: quoted and template literals that start like operations, with interpolations resolved or guessed', () => {
  const r = extractFromTypeScript(TS, 'tests/integration/x.test.ts');
  const texts = r.documents.map((d) => d.text);
  expect(texts).toEqual([
    'subscription($a: ID!) { fillReceived(accountId: $a) { price } }',
    'query($id: ID!) { order(id: $id) { id } }',
    'mutation { cancelOrder(id: "x") { order { id status } } }',
    '{ orders(first: 1) { id } }',
    '{ placeOrder(side: BUY) { id } }',
  ]);
  expect(r.documents[0]).toMatchObject({ line: 4, source: 'integration-tests' });
  expect(r.documents[2]).toMatchObject({ line: 8, guessed: true });
  // `${'dummy'}` and `${dynamicSelection}` in a selection set cannot be given a literal that parses.
  expect(r.skippedDynamic.map((s) => s.line)).toEqual([6, 11]);
  // A literal sent with gql() that does not parse is an error; '{not json' and prose are not GraphQL.
  expect(r.errors).toEqual([expect.objectContaining({ line: 12 })]);
});

test('looksLikeOperation', () => {
  expect(looksLikeOperation('  { a }')).toBe(true);
  expect(looksLikeOperation('query Q { a }')).toBe(true);
  expect(looksLikeOperation('mutation($x: Int) { a }')).toBe(true);
  expect(looksLikeOperation('{"a": 1}')).toBe(false);
  expect(looksLikeOperation('queryString')).toBe(false);
});

test('*.graphql files: operations parse, SDL is skipped, and the paths picked up include dashboard/**', () => {
  expect(extractFromGraphqlFile('query A { a }', 'dashboard/src/a.graphql').documents).toHaveLength(1);
  expect(extractFromGraphqlFile('type Query { a: Int }', 'operations/s.graphql').skippedSdl).toHaveLength(1);
  expect(classify('dashboard/src/queries/positions.graphql')).toBe('graphql-files');
  expect(classify('clients/operations/orders.graphql')).toBe('graphql-files');
  expect(classify('gateway/supergraph.graphql')).toBeNull();
  expect(classify('tests/integration/support/env.ts')).toBe('integration-tests');
  expect(classify('tests/architecture/x.test.ts')).toBeNull();
  expect(classify('docs/services.md')).toBe('markdown');
});
