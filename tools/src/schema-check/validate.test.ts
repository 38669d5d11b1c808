// validate.ts: shipped operations validated one at a time against a schema, failures at file:line.
import { buildSchema } from 'graphql';
import type { ShippedDocument } from './operations';
import { validateOperations } from './validate';

const SCHEMA = buildSchema(`
  type Query { order(id: ID!): Order  orders(first: Int): [Order!]! }
  type Order { id: ID! status: String! }
`);

const doc = (text: string, extra: Partial<ShippedDocument> = {}): ShippedDocument => ({ source: 'markdown', file: 'docs/x.md', line: 10, text, ...extra });

test('an operation selecting a non-existent field fails, with file and line', () => {
  const r = validateOperations(SCHEMA, [doc('{ orders { id } }\n{ orders(first: 2) { id quantity } }')]);
  expect(r.counts.markdown).toBe(2);
  expect(r.failures).toEqual([expect.objectContaining({ file: 'docs/x.md', line: 11, operation: 'query #2', message: 'Cannot query field "quantity" on type "Order".' })]);
});

test('several anonymous operations in one block are fine; a wrong argument type is not', () => {
  expect(validateOperations(SCHEMA, [doc('{ orders { id } }\n{ order(id: "1") { status } }')]).failures).toEqual([]);
  expect(validateOperations(SCHEMA, [doc('{ orders(first: "ten") { id } }')]).failures).toEqual([expect.objectContaining({ message: expect.stringMatching(/Int cannot represent/) })]);
});

test('*.graphql operations may use fragments from another *.graphql file', () => {
  const r = validateOperations(SCHEMA, [
    doc('fragment OrderFields on Order { id status }', { source: 'graphql-files', file: 'dashboard/fragments.graphql', line: 1 }),
    doc('query Orders { orders { ...OrderFields } }', { source: 'graphql-files', file: 'dashboard/orders.graphql', line: 1 }),
  ]);
  expect(r).toMatchObject({ counts: { 'graphql-files': 1 }, failures: [] });
});

test('federation-internal operations (sent to a subgraph) are skipped, not failed', () => {
  const r = validateOperations(SCHEMA, [doc('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { source: 'integration-tests' })]);
  expect(r.failures).toEqual([]);
  expect(r.skippedInternal).toHaveLength(1);
  expect(r.counts['integration-tests']).toBe(0);
});
