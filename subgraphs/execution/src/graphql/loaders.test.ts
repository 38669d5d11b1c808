// The execution loaders batch per request: `Account.orders` for many accounts (and the same account met
// again deeper in a selection) is one store call per (status, first), answered per account.
import type { AppContext } from '@aitrader/platform';
import type { ExecutionServices } from '../services';
import type { ExecutionSettings } from '../settings';
import { createLoaders } from './loaders';

function fakeStore() {
  const calls: { accountIds: string[]; status: string | null; first: number }[] = [];
  const store = {
    recentOrdersByAccount: async (accountIds: readonly string[], status: string | null, first: number) => {
      calls.push({ accountIds: [...accountIds], status, first });
      return new Map(accountIds.filter((id) => id !== 'empty').map((id) => [id, [{ id: `${id}-o1`, accountId: id }]]));
    },
  };
  return { calls, ctx: { services: { store } } as unknown as AppContext<ExecutionServices, ExecutionSettings> };
}

test('many accounts, one store call; an account asked twice is read once', async () => {
  const { calls, ctx } = fakeStore();
  const loaders = createLoaders(ctx);
  const rows = await Promise.all(['a', 'b', 'a', 'empty'].map((accountId) => loaders.accountOrders.load({ accountId, status: null, first: 50 })));
  expect(calls).toEqual([{ accountIds: ['a', 'b', 'empty'], status: null, first: 50 }]);
  expect(rows.map((r) => r.map((o) => o.id))).toEqual([['a-o1'], ['b-o1'], ['a-o1'], []]);
  await loaders.accountOrders.load({ accountId: 'b', status: null, first: 50 }); // cached for the request
  expect(calls).toHaveLength(1);
});

test('different status or page size: one store call each', async () => {
  const { calls, ctx } = fakeStore();
  const loaders = createLoaders(ctx);
  await Promise.all([
    loaders.accountOrders.load({ accountId: 'a', status: null, first: 50 }),
    loaders.accountOrders.load({ accountId: 'a', status: 'FILLED', first: 50 }),
    loaders.accountOrders.load({ accountId: 'b', status: 'FILLED', first: 50 }),
    loaders.accountOrders.load({ accountId: 'a', status: null, first: 5 }),
  ]);
  expect(calls).toEqual([
    { accountIds: ['a'], status: null, first: 50 },
    { accountIds: ['a', 'b'], status: 'FILLED', first: 50 },
    { accountIds: ['a'], status: null, first: 5 },
  ]);
});
