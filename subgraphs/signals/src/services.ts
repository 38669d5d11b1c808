// The signals service's application objects, built once at start from the platform runtime.
import { StreamPublisher, type SettingsContext } from '@aitrader/platform';
import type { SignalsSettings } from './settings';
import { SignalEngineService } from './application/signals-service';
import { SignalsStore } from './storage/signals-store';

export interface SignalsServices {
  engine: SignalEngineService;
  store: SignalsStore;
}

export function createServices(ctx: SettingsContext<SignalsSettings>): SignalsServices {
  const store = new SignalsStore(ctx.prisma);
  const publisher = new StreamPublisher(ctx.redis, { prefix: ctx.config.REDIS_PREFIX });
  return { store, engine: new SignalEngineService(publisher, store, { bookDepth: ctx.settings.SIGNALS_BOOK_DEPTH, logger: ctx.logger }) };
}
