// The marketdata subgraph (:8003): instruments, quotes, L2 books and candles built from the `ticks`
// stream, and the tick replay that feeds it. `npm start` replays the bundled sample.
import { loadSdl, topicConsumer, type ServiceDefinition } from '@aitrader/platform';
import { MarketdataSettings } from './settings';
import { createLoaders, type MarketdataLoaders } from './graphql/loaders';
import { CONSUMER_GROUP } from './events';
import { resolvers } from './graphql/resolvers';
import { createServices, type MarketdataServices } from './services';

export const definition: ServiceDefinition<MarketdataServices, MarketdataSettings, MarketdataLoaders> = {
  name: 'marketdata',
  settings: MarketdataSettings,
  typeDefs: loadSdl(__dirname),
  resolvers,
  services: createServices,
  loaders: createLoaders,
  start: async (ctx) => {
    const { instruments, pipeline, replay } = ctx.services;
    await instruments.seed();
    const consumer = topicConsumer('ticks', {
      redis: ctx.redis,
      prefix: ctx.config.REDIS_PREFIX,
      group: CONSUMER_GROUP,
      consumer: ctx.consumerName,
      startId: '$',
      logger: ctx.logger,
      handler: (tick, entry) => pipeline.handle(tick, entry.id),
      // After a restart the books and open candles are rebuilt from the ticks already handled.
      restore: (tick) => pipeline.restore(tick),
    });
    await consumer.start();
    if (ctx.settings.REPLAY_ON_START === 'sample') {
      const speed = ctx.settings.REPLAY_SPEED;
      await replay.start({ source: 'SAMPLE', speed: speed === 'max' ? null : speed, asFastAsPossible: speed === 'max' });
    }
    return async () => {
      await replay.close();
      await consumer.stop();
      await pipeline.flush();
    };
  },
};
