// Settings of the accounts service (over the platform's shared base config, which names the default
// account): the cash the default account starts with, and how often equity history is sampled.
import { z } from 'zod';

export const AccountsSettings = z.object({
  DEFAULT_STARTING_CASH: z.coerce.number().positive().max(1e12).default(100_000),
  EQUITY_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
});

export type AccountsSettings = z.infer<typeof AccountsSettings>;
