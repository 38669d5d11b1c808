// The accounts loaders batch per request: valuing many accounts reads their positions in one store call
// and the marks of all their symbols in one marks read, and values each account as the service would.
import { exact } from '@aitrader/platform/decimal';
import type { AppContext } from '@aitrader/platform';
import { valuedAt } from '../application/accounts-service';
import type { AccountsServices } from '../services';
import type { AccountsSettings } from '../settings';
import type { AccountRow, PositionRow } from '../storage/accounts-store';
import { createLoaders, valueThrough } from './loaders';

const account = (id: string): AccountRow => ({ id, name: id, currency: 'USD', cash: exact(1000), startingCash: exact(1000), createdAt: new Date(0) });
const position = (symbol: string, quantity: number): PositionRow => ({ symbol, quantity: exact(quantity), averagePrice: exact(10), realizedPnl: exact(0) });

function fakeServices() {
  const calls = { getMany: [] as string[][], positions: [] as string[][], marks: [] as string[][] };
  const positions: Record<string, PositionRow[]> = { a: [position('AAPL', 2), position('MSFT', 1)], b: [position('AAPL', -1)], c: [] };
  const accounts = {
    store: {
      getMany: async (ids: readonly string[]) => (calls.getMany.push([...ids]), new Map(ids.filter((id) => id !== 'missing').map((id) => [id, account(id)]))),
      positionsByAccount: async (ids: string[]) => (calls.positions.push(ids), new Map(ids.map((id) => [id, positions[id] ?? []]))),
    },
    marks: async (symbols: string[]) => (calls.marks.push(symbols), new Map(symbols.map((s) => [s, s === 'AAPL' ? exact(12) : undefined]))),
  };
  return { calls, ctx: { services: { accounts } } as unknown as AppContext<AccountsServices, AccountsSettings>, positions };
}

test('many accounts in one request: one accounts query, one positions query, one marks read', async () => {
  const { calls, ctx, positions } = fakeServices();
  const loaders = createLoaders(ctx);
  const rows = await Promise.all(['a', 'b', 'c', 'missing'].map((id) => loaders.account.load(id)));
  expect(rows.map((r) => r?.id ?? null)).toEqual(['a', 'b', 'c', null]);
  const valued = await Promise.all(rows.filter((r): r is AccountRow => r !== null).map((r) => valueThrough(loaders, r)));
  expect(calls.getMany).toEqual([['a', 'b', 'c', 'missing']]);
  expect(calls.positions).toEqual([['a', 'b', 'c']]);
  expect(calls.marks).toEqual([['AAPL', 'MSFT']]);
  // Same valuation as the service's own (unbatched) path.
  const marks = new Map([['AAPL', exact(12)], ['MSFT', undefined]]);
  expect(valued.map((v) => v.valuation.equity.toString())).toEqual(
    ['a', 'b', 'c'].map((id) => valuedAt(account(id), positions[id]!, marks).valuation.equity.toString()),
  );
});

test('loaders are per request: a second request reads again', async () => {
  const { calls, ctx } = fakeServices();
  await createLoaders(ctx).account.load('a');
  await createLoaders(ctx).account.load('a');
  expect(calls.getMany).toEqual([['a'], ['a']]);
});
