// Per-request DataLoaders of the execution subgraph: `Account.orders` for every account a request
// touches (the gateway's `_entities` for many Account references, or orders → account → orders) is read
// once per distinct (account, status, first) in one window query, instead of one query per entity.
import DataLoader from 'dataloader';
import type { AppContext } from '@aitrader/platform';
import type { ExecutionServices } from '../services';
import type { ExecutionSettings } from '../settings';
import type { OrdersStore } from '../storage/orders-store';

type OrderRows = Awaited<ReturnType<OrdersStore['recentOrdersByAccount']>> extends Map<string, infer R> ? R : never;
type OrderStatus = Parameters<OrdersStore['recentOrdersByAccount']>[1];

export interface AccountOrdersKey {
  accountId: string;
  status: OrderStatus;
  first: number;
}

export interface ExecutionLoaders {
  accountOrders: DataLoader<AccountOrdersKey, OrderRows, string>;
}

export function createLoaders(ctx: AppContext<ExecutionServices, ExecutionSettings>): ExecutionLoaders {
  const { store } = ctx.services;
  return {
    accountOrders: new DataLoader(
      async (keys) => {
        // One store call per (status, first) the request used — in practice one.
        const groups = new Map<string, { status: OrderStatus; first: number; accountIds: Set<string> }>();
        for (const key of keys) {
          const group = `${key.status ?? ''}|${key.first}`;
          if (!groups.has(group)) groups.set(group, { status: key.status, first: key.first, accountIds: new Set() });
          groups.get(group)!.accountIds.add(key.accountId);
        }
        const results = new Map<string, Map<string, OrderRows>>();
        await Promise.all(
          [...groups].map(async ([group, { status, first, accountIds }]) => results.set(group, await store.recentOrdersByAccount([...accountIds], status, first))),
        );
        return keys.map((key) => results.get(`${key.status ?? ''}|${key.first}`)!.get(key.accountId) ?? []);
      },
      { cacheKeyFn: (key) => `${key.accountId}|${key.status ?? ''}|${key.first}` },
    ),
  };
}
