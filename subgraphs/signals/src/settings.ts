// Settings of the signals service (over the platform's shared base config): how many levels of each
// side of the L2 book are summed into the bid/ask sizes the pattern engine's book-imbalance detector sees.
import { z } from 'zod';

export const SignalsSettings = z.object({
  SIGNALS_BOOK_DEPTH: z.coerce.number().int().min(1).max(50).default(5),
});

export type SignalsSettings = z.infer<typeof SignalsSettings>;
