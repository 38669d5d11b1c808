// The marketdata subgraph (:8003): instruments, quotes, L2 books and candles built from the `ticks`
// stream, and the tick replay that feeds it. `npm start` replays the bundled sample.
import { loadSdl, topicConsumer, type ServiceDefinition } from '@aitrader/platform';
import { resolvers } from './graphql/resolvers';
import { createServices, type MarketdataServices } from './services';

export const definition: ServiceDefinition<MarketdataServices> = {
  name: 'marketdata',
  typeDefs: loadSdl(__dirname),
  // Generated resolver types (codegen) are stricter than @apollo/subgraph's loose GraphQLResolverMap.
  resolvers: resolvers as never,
  services: createServices,
  start: async (ctx) => {
    const { instruments, pipeline, replay } = ctx.services;
    await instruments.seed();
    const consumer = topicConsumer('ticks', {
      redis: ctx.redis,
      prefix: ctx.config.REDIS_PREFIX,
      group: 'marketdata',
      consumer: ctx.config.CONSUMER_NAME,
      startId: '$',
      logger: ctx.logger,
      handler: (tick, entry) => pipeline.handle(tick, entry.id),
    });
    await consumer.start();
    if (ctx.config.REPLAY_ON_START === 'sample') {
      const speed = ctx.config.REPLAY_SPEED;
      await replay.start({ source: 'SAMPLE', speed: speed === 'max' ? null : speed, asFastAsPossible: speed === 'max' });
    }
    return async () => {
      await replay.close();
      await consumer.stop();
      await pipeline.flush();
    };
  },
};
