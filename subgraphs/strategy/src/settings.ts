// Settings of the strategy service (over the platform's shared base config, which names the account it
// trades): which stored strategy (name → parameters, enabled) this strategy process runs.
import { z } from 'zod';

export const StrategySettings = z.object({
  STRATEGY_NAME: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_" or "-"').default('enhanced_ml_sentiment'),
});

export type StrategySettings = z.infer<typeof StrategySettings>;
