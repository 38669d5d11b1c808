// Settings of the execution service over the platform's shared base config: the pre-trade limits every
// new order is checked against (fees and the tick grid are domain defaults).
import { z } from 'zod';

const positive = (fallback: number) => z.coerce.number().positive().finite().default(fallback);

export const ExecutionSettings = z.object({
  // Most shares in one order, whoever sends it.
  EXECUTION_MAX_ORDER_QUANTITY: positive(1_000_000),
  // Most notional (quantity × limit price, or the touch for a MARKET order) in one order.
  EXECUTION_MAX_ORDER_NOTIONAL: positive(1_000_000),
  // Farthest a limit price may be from the market's mid, as a fraction (0.1 = 10 %).
  EXECUTION_PRICE_COLLAR: z.coerce.number().positive().max(10).default(0.1),
});

export type ExecutionSettings = z.infer<typeof ExecutionSettings>;
