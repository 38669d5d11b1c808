// Settings of the marketdata service (over the platform's shared base config): where replay files are
// read from, and what `npm start` replays.
import { z } from 'zod';

export const MarketdataSettings = z.object({
  REPLAY_DATA_DIR: z.string().min(1).optional(),
  REPLAY_ON_START: z.enum(['sample', 'none']).default('sample'),
  REPLAY_SPEED: z.union([z.literal('max'), z.coerce.number().positive().max(10000)]).default(1),
});

export type MarketdataSettings = z.infer<typeof MarketdataSettings>;
