// The marketdata service's application objects, built once at start from the platform runtime.
import { join } from 'node:path';
import { StreamPublisher, waitForDrain, type SettingsContext } from '@aitrader/platform';
import type { MarketdataSettings } from './settings';
import { systemClock } from './domain';
import { ReplayController } from './application/replay-controller';
import { CandlesStore } from './storage/candles-store';
import { InstrumentsStore } from './storage/instruments-store';
import { MarketState } from './storage/market-state';
import { TickPipeline } from './application/tick-pipeline';

export interface MarketdataServices {
  instruments: InstrumentsStore;
  candles: CandlesStore;
  state: MarketState;
  pipeline: TickPipeline;
  replay: ReplayController;
}

/** What a lockstep replay waits on after each tick: everything downstream of a tick. */
const LOCKSTEP_TOPICS = ['ticks', 'book', 'signals', 'orders', 'fills'] as const;

export const DEFAULT_DATA_DIR = join(__dirname, '..', 'data');

export function createServices(ctx: SettingsContext<MarketdataSettings>): MarketdataServices {
  const publisher = new StreamPublisher(ctx.redis, { prefix: ctx.config.REDIS_PREFIX });
  const candles = new CandlesStore(ctx.prisma);
  const state = new MarketState(ctx.redis, ctx.config.REDIS_PREFIX);
  return {
    instruments: new InstrumentsStore(ctx.prisma),
    candles,
    state,
    pipeline: new TickPipeline(publisher, state, candles, ctx.logger),
    replay: new ReplayController(publisher, ctx.settings.REPLAY_DATA_DIR ?? DEFAULT_DATA_DIR, systemClock, ctx.logger, () =>
      waitForDrain(ctx.redis, LOCKSTEP_TOPICS, { prefix: ctx.config.REDIS_PREFIX }),
    ),
  };
}
