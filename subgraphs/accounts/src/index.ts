// The accounts subgraph (the seed's mock MCP on :9000): paper accounts, positions from fills, P&L and
// equity history; GraphQL at /graphql, MCP and REST at /mcp, fills consumed from the `fills` stream.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';
import { AccountsSettings } from './settings';
import { fillsConsumer } from './application/fills-consumer';
import { createLoaders, type AccountsLoaders } from './graphql/loaders';
import { resolvers } from './graphql/resolvers';
import { mountMcp } from './http/mcp';
import { createServices, type AccountsServices } from './services';

export const definition: ServiceDefinition<AccountsServices, AccountsSettings, AccountsLoaders> = {
  name: 'accounts',
  settings: AccountsSettings,
  typeDefs: loadSdl(__dirname),
  resolvers,
  services: createServices,
  loaders: createLoaders,
  routes: (app, ctx) => mountMcp(app, ctx.services.accounts),
  start: async (ctx) => {
    const { accounts } = ctx.services;
    const id = ctx.config.DEFAULT_ACCOUNT_ID;
    const cash = ctx.settings.DEFAULT_STARTING_CASH;
    if (!(await accounts.store.get(id))) {
      await accounts.create({ id, name: 'Default paper account', startingCash: cash }).catch((err: Error) => {
        if (!/already exists/.test(err.message)) throw err; // another replica created it first
      });
      ctx.logger.info({ accountId: id, cash }, 'default account created');
    }
    const consumer = fillsConsumer({ redis: ctx.redis, accounts, logger: ctx.logger, consumer: ctx.consumerName, prefix: ctx.config.REDIS_PREFIX });
    await consumer.start();
    const interval = ctx.settings.EQUITY_SNAPSHOT_INTERVAL_MS;
    const timer = interval > 0
      ? setInterval(() => accounts.snapshotAll().catch((err: Error) => ctx.logger.warn({ err: err.message }, 'equity snapshot failed')), interval)
      : undefined;
    timer?.unref();
    return async () => {
      clearInterval(timer);
      await consumer.stop();
    };
  },
};
export type { AccountsServices } from './services';
