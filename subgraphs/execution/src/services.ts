// The execution service's application objects, built once at start from the platform runtime.
import { Outbox, serviceUrl, StreamPublisher, type SettingsContext } from '@aitrader/platform';
import type { ExecutionSettings } from './settings';
import { ExecutionService } from './application/execution-service';
import { accountsClient } from './storage/accounts-client';
import { OrdersStore } from './storage/orders-store';

export interface ExecutionServices {
  store: OrdersStore;
  execution: ExecutionService;
}

export function createServices(ctx: SettingsContext<ExecutionSettings>): ExecutionServices {
  const store = new OrdersStore(ctx.prisma);
  const known = new Map<string, boolean>();
  const isKnownSymbol = async (symbol: string) => {
    // The instruments table is the universe (seeded by marketdata); answers are cached per process.
    if (!known.has(symbol)) known.set(symbol, (await ctx.prisma.instrument.count({ where: { symbol, active: true } })) > 0);
    return known.get(symbol)!;
  };
  const publisher = new StreamPublisher(ctx.redis, { prefix: ctx.config.REDIS_PREFIX });
  // Fills and order events leave through the outbox; index.ts runs its relay loop (start, interval).
  const outbox = new Outbox({ prisma: ctx.prisma, publisher, events: ctx.events.pubsub, redis: ctx.redis, name: `${ctx.config.REDIS_PREFIX}execution`, logger: ctx.logger });
  const execution = new ExecutionService({
    store,
    outbox,
    redis: ctx.redis,
    publisher,
    events: ctx.events,
    clock: () => new Date(),
    isKnownSymbol,
    prefix: ctx.config.REDIS_PREFIX,
    logger: ctx.logger,
    preTrade: {
      accounts: accountsClient(serviceUrl(ctx.config, 'accounts'), () => ctx.serviceHeaders(), ctx.logger),
      limits: {
        maxQuantity: ctx.settings.EXECUTION_MAX_ORDER_QUANTITY,
        maxNotional: ctx.settings.EXECUTION_MAX_ORDER_NOTIONAL,
        collar: ctx.settings.EXECUTION_PRICE_COLLAR,
      },
    },
  });
  return { store, execution };
}
