// Settings of the execution service over the platform's shared base config: none of its own yet (fees
// and the tick grid are domain defaults). Declared so every subgraph has the same shape and a new
// setting has one place to go.
import { z } from 'zod';

export const ExecutionSettings = z.object({});

export type ExecutionSettings = z.infer<typeof ExecutionSettings>;
