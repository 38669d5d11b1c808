// diff.ts: inspector changes classified breaking / dangerous / safe, and the allow-list applied.
import { buildSchema } from 'graphql';
import { classifyChanges, diffSchemas } from './diff';

const BASE = buildSchema(`
  type Query { instrument(symbol: String!): Instrument  orders(first: Int): [Order!]! }
  type Instrument { symbol: String! name: String }
  type Order { id: ID! quantity: Float! }
`);

test('a removed field is BREAKING and fails (not allowed)', async () => {
  const next = buildSchema(`
    type Query { instrument(symbol: String!): Instrument  orders(first: Int): [Order!]! }
    type Instrument { symbol: String! name: String }
    type Order { id: ID! }
  `);
  const r = await diffSchemas(BASE, next, []);
  expect(r.breaking).toEqual([expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Order.quantity', level: 'BREAKING' })]);
  expect(r.unallowed).toHaveLength(1);
});

test('a changed argument type (Int → String) is BREAKING and fails', async () => {
  const next = buildSchema(`
    type Query { instrument(symbol: String!): Instrument  orders(first: String): [Order!]! }
    type Instrument { symbol: String! name: String }
    type Order { id: ID! quantity: Float! }
  `);
  const r = await diffSchemas(BASE, next, []);
  expect(r.breaking).toEqual([expect.objectContaining({ type: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Query.orders.first' })]);
  expect(r.unallowed).toHaveLength(1);
});

test('the same change listed in the allow-list passes, with its reason', async () => {
  const next = buildSchema(`
    type Query { instrument(symbol: String!): Instrument  orders(first: String): [Order!]! }
    type Instrument { symbol: String! name: String }
    type Order { id: ID! quantity: Float! }
  `);
  const allow = [{ path: 'Query.orders.first', type: 'FIELD_ARGUMENT_TYPE_CHANGED', reason: 'no client sends first yet' }];
  const r = await diffSchemas(BASE, next, allow);
  expect(r.breaking).toEqual([expect.objectContaining({ allowedBecause: 'no client sends first yet' })]);
  expect(r.unallowed).toEqual([]);
  expect(r.unusedAllowances).toEqual([]);
});

test('an allow-list entry for another path or type does not allow the change, and is reported unused', async () => {
  const next = buildSchema(`
    type Query { instrument(symbol: String!): Instrument  orders(first: Int): [Order!]! }
    type Instrument { symbol: String! }
    type Order { id: ID! quantity: Float! }
  `);
  const allow = [{ path: 'Instrument.name', type: 'FIELD_TYPE_CHANGED', reason: 'wrong type' }];
  const r = await diffSchemas(BASE, next, allow);
  expect(r.unallowed).toEqual([expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Instrument.name' })]);
  expect(r.unusedAllowances).toEqual(allow);
});

test('an added optional field is safe and passes', async () => {
  const next = buildSchema(`
    type Query { instrument(symbol: String!): Instrument  orders(first: Int): [Order!]! }
    type Instrument { symbol: String! name: String exchange: String }
    type Order { id: ID! quantity: Float! }
  `);
  const r = await diffSchemas(BASE, next, []);
  expect(r.safe).toEqual([expect.objectContaining({ type: 'FIELD_ADDED', path: 'Instrument.exchange', level: 'NON_BREAKING' })]);
  expect(r.breaking).toEqual([]);
  expect(r.unallowed).toEqual([]);
});

test('a new enum value is listed as dangerous, which does not fail', async () => {
  const a = buildSchema('type Query { side: Side } enum Side { BUY SELL }');
  const b = buildSchema('type Query { side: Side } enum Side { BUY SELL SHORT }');
  const r = await diffSchemas(a, b, []);
  expect(r.dangerous).toEqual([expect.objectContaining({ type: 'ENUM_VALUE_ADDED' })]);
  expect(r.unallowed).toEqual([]);
});

test('no previous schema: no changes', async () => {
  expect((await diffSchemas(null, BASE, [])).breaking).toEqual([]);
});

test('classifyChanges groups precomputed changes', () => {
  const r = classifyChanges([
    { type: 'FIELD_REMOVED', path: 'A.b', message: 'm', level: 'BREAKING' },
    { type: 'FIELD_ADDED', path: 'A.c', message: 'm', level: 'NON_BREAKING' },
  ], []);
  expect([r.breaking.length, r.dangerous.length, r.safe.length, r.unallowed.length]).toEqual([1, 0, 1, 1]);
});
