// Applies fills from the `fills` stream to accounts (consumer group "accounts"). Dead-lettered at once
// (to `fills:dlq`, with the reason): a fill for an unknown account, an invalid one, one that execution
// never recorded or recorded otherwise, and another version of a trade id already applied. An identical
// redelivery of an applied trade id is acknowledged without any change.
import { RejectedMessageError, topicConsumer, type StreamConsumer, type Fill, type Logger } from '@aitrader/platform';
import type { Redis } from 'ioredis';
import { AccountDomainError } from '../domain';
import type { AccountsService } from './accounts-service';
import { AccountNotFoundError, FillRejectedError } from '../storage/accounts-store';
import { CONSUMER_GROUP } from '../events';

export function fillsConsumer(opts: { redis: Redis; accounts: AccountsService; logger?: Logger; consumer: string; prefix?: string; blockMs?: number }): StreamConsumer<Fill> {
  return topicConsumer('fills', {
    redis: opts.redis,
    prefix: opts.prefix,
    group: CONSUMER_GROUP,
    consumer: opts.consumer,
    startId: '0',
    logger: opts.logger,
    blockMs: opts.blockMs,
    handler: async (fill) => {
      try {
        await opts.accounts.applyFill(fill);
      } catch (err) {
        if (err instanceof AccountNotFoundError || err instanceof AccountDomainError || err instanceof FillRejectedError) throw new RejectedMessageError(err.message);
        throw err;
      }
    },
  });
}
