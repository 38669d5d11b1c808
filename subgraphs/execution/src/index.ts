// The execution subgraph (:8006): orders from the `orders` stream and the placeOrder mutation, matched
// against the latest book; resting LIMIT orders fill when a `book` update crosses them; fills go to the
// seed's `executions` table and, through the transactional outbox, to the `fills` stream.
import { RejectedMessageError, loadSdl, topicConsumer, type ServiceDefinition } from '@aitrader/platform';
import { ExecutionSettings } from './settings';
import { OrderCommandError } from './application/execution-service';
import { CONSUMER_GROUP } from './events';
import { createLoaders, type ExecutionLoaders } from './graphql/loaders';
import { resolvers } from './graphql/resolvers';
import { createServices, type ExecutionServices } from './services';

export const definition: ServiceDefinition<ExecutionServices, ExecutionSettings, ExecutionLoaders> = {
  name: 'execution',
  settings: ExecutionSettings,
  typeDefs: loadSdl(__dirname),
  resolvers,
  services: createServices,
  loaders: createLoaders,
  start: async (ctx) => {
    const { execution } = ctx.services;
    const common = { redis: ctx.redis, prefix: ctx.config.REDIS_PREFIX, consumer: ctx.consumerName, logger: ctx.logger };
    const orders = topicConsumer('orders', {
      ...common,
      group: CONSUMER_GROUP,
      startId: '0',
      handler: async (order) => {
        try {
          await execution.place(order);
        } catch (err) {
          // A well-formed order that can never be booked (unknown account or symbol, bad limit tick).
          if (err instanceof OrderCommandError) throw new RejectedMessageError(`${err.code}: ${err.message}`);
          throw err;
        }
      },
    });
    const books = topicConsumer('book', { ...common, group: CONSUMER_GROUP, startId: '$', handler: async (update) => void (await execution.crossResting(update.symbol)) });
    // First what a crash left in the outbox (fills committed, never sent), then every interval.
    await execution.outbox.start();
    await orders.start();
    await books.start();
    return async () => {
      await orders.stop();
      await books.stop();
      await execution.outbox.stop();
    };
  },
};
