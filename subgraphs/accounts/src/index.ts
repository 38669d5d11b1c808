// The accounts subgraph (the seed's mock MCP on :9000): paper accounts, positions from fills, P&L and
// equity history; GraphQL at /graphql, MCP and REST at /mcp, fills consumed from the `fills` stream.
import { loadSdl, type ServiceDefinition } from '@aitrader/platform';
import { AccountsService } from './accounts-service';
import { fillsConsumer } from './fills-consumer';
import { resolvers } from './graphql/resolvers';
import { mountMcp } from './mcp';
import { AccountsStore } from './storage/accounts-store';

export interface AccountsServices {
  accounts: AccountsService;
}

export const definition: ServiceDefinition<AccountsServices> = {
  name: 'accounts',
  typeDefs: loadSdl(__dirname),
  // Generated resolver types (codegen) are stricter than @apollo/subgraph's loose GraphQLResolverMap.
  resolvers: resolvers as never,
  services: (ctx) => ({ accounts: new AccountsService(new AccountsStore(ctx.prisma), ctx.redis, () => new Date(), ctx.logger, ctx.config.REDIS_PREFIX) }),
  routes: (app, ctx) => mountMcp(app, ctx.services.accounts),
  start: async (ctx) => {
    const { accounts } = ctx.services;
    const { DEFAULT_ACCOUNT_ID: id, DEFAULT_STARTING_CASH: cash } = ctx.config;
    if (!(await accounts.store.get(id))) {
      await accounts.create({ id, name: 'Default paper account', startingCash: cash }).catch((err: Error) => {
        if (!/already exists/.test(err.message)) throw err; // another replica created it first
      });
      ctx.logger.info({ accountId: id, cash }, 'default account created');
    }
    const consumer = fillsConsumer({ redis: ctx.redis, accounts, logger: ctx.logger, consumer: ctx.config.CONSUMER_NAME, prefix: ctx.config.REDIS_PREFIX });
    await consumer.start();
    const interval = ctx.config.EQUITY_SNAPSHOT_INTERVAL_MS;
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
