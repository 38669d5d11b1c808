// The signals subgraph (:8009): consumes `ticks`, rebuilding each symbol's L2 book from the quote and
// depth ticks in tick order (the platform's book code, as marketdata's builder) and feeding trades with
// that book's sizes to the pattern engine; publishes each signal to the `signals` stream and pub/sub
// channel, stores it, and serves signals, indicators and `signalEmitted`. The book is not taken from the
// `book` stream: a second consumer would race this one, and which book a trade saw would depend on timing.
import { loadSdl, topicConsumer, type ServiceDefinition } from '@aitrader/platform';
import { SignalsSettings } from './settings';
import { CONSUMER_GROUP } from './events';
import { resolvers } from './graphql/resolvers';
import { createServices, type SignalsServices } from './services';

export const definition: ServiceDefinition<SignalsServices, SignalsSettings> = {
  name: 'signals',
  settings: SignalsSettings,
  typeDefs: loadSdl(__dirname),
  resolvers,
  services: createServices,
  checks: (ctx) => [{ name: 'pattern-engine', critical: false, check: async () => ({ backend: ctx.services.engine.backend }) }],
  start: async (ctx) => {
    const { engine } = ctx.services;
    ctx.logger.info({ backend: engine.backend }, `pattern engine backend: ${engine.backend}`);
    const consumer = topicConsumer('ticks', {
      redis: ctx.redis,
      prefix: ctx.config.REDIS_PREFIX,
      group: CONSUMER_GROUP,
      consumer: ctx.consumerName,
      startId: '$',
      logger: ctx.logger,
      handler: async (tick, meta) => void (await engine.handle(tick, meta.id)),
      // After a restart the books and indicators are rebuilt from the ticks already handled, so the
      // signals that follow are those an uninterrupted engine would have emitted.
      restore: (tick, meta) => engine.restore(tick, meta.id),
    });
    await consumer.start();
    return () => consumer.stop();
  },
};
