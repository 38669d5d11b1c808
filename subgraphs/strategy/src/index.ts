// The strategy subgraph (:8005): consumes signals from the `signals` stream and the seed's `signals`
// pub/sub channel, decides (the seed's enhanced_decide_and_order), checks risk, records every decision
// and sends orders to the `orders` stream through the transactional outbox.
import { loadSdl, Signal, subscribeChannel, topicConsumer, type ServiceDefinition } from '@aitrader/platform';
import { StrategySettings } from './settings';
import { resolvers } from './graphql/resolvers';
import { CONSUMER_GROUP, STRATEGY_EVENTS } from './events';
import { createServices, type StrategyServices } from './services';

export const definition: ServiceDefinition<StrategyServices, StrategySettings> = {
  name: 'strategy',
  settings: StrategySettings,
  typeDefs: loadSdl(__dirname),
  resolvers,
  services: createServices,
  start: async (ctx) => {
    const { strategy } = ctx.services;
    await strategy.init();
    // First the orders a crash left in the outbox (decided, never sent), then every interval.
    await strategy.outbox.start();
    const prefix = ctx.config.REDIS_PREFIX;
    const stream = topicConsumer('signals', {
      redis: ctx.redis, prefix, group: CONSUMER_GROUP, consumer: ctx.consumerName, startId: '$', logger: ctx.logger,
      handler: async (signal) => void (await strategy.onSignal(signal)),
    });
    await stream.start();
    // The seed publishes test signals with plain PUBLISH; the same signal arriving both ways is decided once.
    const channel = await subscribeChannel({ redis: ctx.redis, channel: `${prefix}signals`, schema: Signal, logger: ctx.logger, handler: (signal) => strategy.onSignal(signal).then(() => undefined) });
    // A strategy enabled, disabled or reconfigured through any replica takes effect in every replica.
    const changes = await ctx.events.pubsub.subscribe(ctx.events.channel(STRATEGY_EVENTS), (change: { name: string }) =>
      void strategy.reload(change.name).catch((err: unknown) => ctx.logger.error({ err }, 'strategy reload failed')),
    );
    return async () => {
      ctx.events.pubsub.unsubscribe(changes);
      await channel.close();
      await stream.stop();
      await strategy.outbox.stop();
    };
  },
};
