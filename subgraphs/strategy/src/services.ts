// The strategy service's application objects, built once at start from the platform runtime.
import { Outbox, serviceUrl, StreamPublisher, type SettingsContext } from '@aitrader/platform';
import type { StrategySettings } from './settings';
import { DECISION_EVENTS, STRATEGY_EVENTS } from './events';
import { httpClients } from './storage/service-clients';
import { loadStrategyConfig } from './domain';
import { DecisionsStore } from './storage/decisions-store';
import { StrategyService } from './application/strategy-service';


export interface StrategyServices {
  store: DecisionsStore;
  strategy: StrategyService;
}

export function createServices(ctx: SettingsContext<StrategySettings>): StrategyServices {
  const store = new DecisionsStore(ctx.prisma);
  const c = ctx.config;
  const clients = httpClients({ signals: serviceUrl(c, 'signals'), onnx: c.ONNX_URL, sentiment: c.SENTIMENT_URL, mcp: c.MCP_URL }, () => ctx.serviceHeaders(), ctx.logger);
  const publisher = new StreamPublisher(ctx.redis, { prefix: c.REDIS_PREFIX });
  // Orders leave through the outbox, queued with their decision; index.ts runs its relay loop.
  const outbox = new Outbox({ prisma: ctx.prisma, publisher, redis: ctx.redis, name: `${c.REDIS_PREFIX}strategy`, logger: ctx.logger });
  const strategy = new StrategyService({
    store,
    clients,
    publisher,
    outbox,
    redis: ctx.redis,
    config: loadStrategyConfig({ strategyName: ctx.settings.STRATEGY_NAME }),
    accountId: c.DEFAULT_ACCOUNT_ID,
    clock: () => new Date(),
    prefix: c.REDIS_PREFIX,
    logger: ctx.logger,
    onDecision: (decision) => ctx.events.pubsub.publish(ctx.events.channel(DECISION_EVENTS), decision),
    onStrategyChanged: (change) => ctx.events.pubsub.publish(ctx.events.channel(STRATEGY_EVENTS), change),
  });
  return { store, strategy };
}
