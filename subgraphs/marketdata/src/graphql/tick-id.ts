// Ids of ticks: a tick on the stream has no identity of its own, so its id is the tick itself
// (base64url JSON). `tick(id)` gives back exactly the event `tickReceived` delivered, which is how the
// gateway resolves other subgraphs' fields of a subscription event.
import { Tick } from '@aitrader/platform';

export function encodeTickId(tick: Tick): string {
  return Buffer.from(JSON.stringify(tick)).toString('base64url');
}

/** null for anything that is not a valid tick id. */
export function decodeTickId(id: string): Tick | null {
  try {
    const parsed = Tick.safeParse(JSON.parse(Buffer.from(id, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
