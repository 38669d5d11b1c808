// The signals service's application objects, built once at start from the platform runtime.
import { StreamPublisher, type ServiceContext } from '@aitrader/platform';
import { SignalEngineService } from './signal-engine';
import { SignalsStore } from './storage/signals-store';

export interface SignalsServices {
  engine: SignalEngineService;
  store: SignalsStore;
}

export function createServices(ctx: ServiceContext): SignalsServices {
  const store = new SignalsStore(ctx.prisma);
  const publisher = new StreamPublisher(ctx.redis, { prefix: ctx.config.REDIS_PREFIX });
  return { store, engine: new SignalEngineService(publisher, store, { bookDepth: ctx.config.SIGNALS_BOOK_DEPTH, logger: ctx.logger }) };
}
