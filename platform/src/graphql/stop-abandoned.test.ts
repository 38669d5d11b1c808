// Stopping abandoned operations on a real ApolloServer over an in-memory schema whose lists fan out by
// eight per level: past the deadline the operation ends with one OPERATION_TIMEOUT error and no
// unhandled rejection; an aborted signal ends it as REQUEST_ABANDONED; a request in time is untouched.
import { ApolloServer } from '@apollo/server';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { abandonedRequestPlugin, createOperationStats, stoppableResolvers } from './stop-abandoned';

const KIDS = Array.from({ length: 8 }, (_, i) => ({ id: String(i) }));

/** `io`: kids come after a turn of the event loop, as from a database; otherwise from memory (microtasks only). */
function server(timeoutMs: number, { io = false, maxFields = 10_000_000 } = {}) {
  const schema = buildSchema('type Query { root: Node } type Node { id: ID! kids: [Node!]! }');
  (schema.getQueryType()!.getFields().root!).resolve = () => ({ id: 'root' });
  ((schema.getType('Node') as GraphQLObjectType).getFields().kids!).resolve = io ? () => new Promise((resolve) => setImmediate(() => resolve(KIDS))) : async () => KIDS;
  const stats = createOperationStats();
  const apollo = new ApolloServer<{ request: { signal: AbortSignal } }>({ schema: stoppableResolvers(schema), plugins: [abandonedRequestPlugin(stats, { timeoutMs, maxFields })] });
  return { apollo, stats };
}

function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `kids { id ${selection} }`;
  return `{ root { id ${selection} } }`;
}

async function run(apollo: ApolloServer<{ request: { signal: AbortSignal } }>, query: string, signal: AbortSignal) {
  const response = await apollo.executeOperation({ query }, { contextValue: { request: { signal } } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

test('an operation in time is answered in full', async () => {
  const { apollo, stats } = server(10_000);
  await apollo.start();
  const result = await run(apollo, nested(2), new AbortController().signal);
  expect(result.errors).toBeUndefined();
  expect((result.data as { root: { kids: { kids: unknown[] }[] } }).root.kids[7]!.kids).toHaveLength(8);
  expect(stats).toEqual({ inFlight: 0, timedOut: 0, abandoned: 0, tooLarge: 0 });
  await apollo.stop();
});

test('past the deadline: one OPERATION_TIMEOUT error, the tree cut, no unhandled rejection', async () => {
  const { apollo, stats } = server(50); // from memory: no timer could fire, the clock check stops it
  await apollo.start();
  const result = await run(apollo, nested(12), new AbortController().signal); // 8^12 nodes if not stopped
  expect(result.errors).toEqual([expect.objectContaining({ message: 'the operation ran past its time limit', extensions: { code: 'OPERATION_TIMEOUT' } })]);
  expect(result.data).toEqual({ root: null });
  expect(stats).toEqual({ inFlight: 0, timedOut: 1, abandoned: 0, tooLarge: 0 });
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
  await apollo.stop();
});

test('resolved from memory, a client that goes away is still seen: the operation lets the event loop turn', async () => {
  const { apollo, stats } = server(60_000);
  await apollo.start();
  const client = new AbortController();
  const pending = run(apollo, nested(12), client.signal);
  setTimeout(() => client.abort(new Error('client gone')), 20);
  const result = await pending;
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_ABANDONED']);
  expect(stats).toMatchObject({ inFlight: 0, abandoned: 1 });
  await apollo.stop();
});

test('more fields than the limit: MAX_FIELDS_EXCEEDED', async () => {
  const { apollo, stats } = server(60_000, { maxFields: 5_000 });
  await apollo.start();
  expect((await run(apollo, nested(3), new AbortController().signal)).errors).toBeUndefined(); // 1 + 2·(8 + 64 + 512) fields
  const result = await run(apollo, nested(5), new AbortController().signal);
  expect(result.errors).toEqual([expect.objectContaining({ message: 'the operation resolved more than 5000 fields', extensions: { code: 'MAX_FIELDS_EXCEEDED' } })]);
  expect(stats).toMatchObject({ inFlight: 0, tooLarge: 1 });
  await apollo.stop();
});

test('an aborted signal (client gone) stops it as REQUEST_ABANDONED', async () => {
  const { apollo, stats } = server(60_000, { io: true });
  await apollo.start();
  const client = new AbortController();
  const pending = run(apollo, nested(12), client.signal);
  setTimeout(() => client.abort(new Error('client gone')), 20);
  const result = await pending;
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_ABANDONED']);
  expect(stats).toEqual({ inFlight: 0, timedOut: 0, abandoned: 1, tooLarge: 0 });
  expect(unhandled).toEqual([]);
  await apollo.stop();
});
