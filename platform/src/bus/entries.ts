// Decoding of raw Redis stream replies (ioredis returns nested arrays) into typed entries.

/** One stream entry; `fields` is null when the entry was deleted while still pending. */
export interface RawEntry {
  id: string;
  fields: Record<string, string> | null;
}

type RawReplyEntry = [string, string[] | null];

export function decodeEntries(entries: unknown): RawEntry[] {
  if (!Array.isArray(entries)) return [];
  return (entries as RawReplyEntry[]).map(([id, flat]) => ({ id, fields: flat ? pairsToObject(flat) : null }));
}

/** XREADGROUP reply: [[stream, entries]] or null on timeout. */
export function decodeReadReply(reply: unknown): RawEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const first = reply[0] as [string, unknown];
  return decodeEntries(first[1]);
}

function pairsToObject(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
  return out;
}

/** XINFO replies are flat [key, value, key, value…] arrays; values keep their reply types. */
export function fieldsOfReply(flat: readonly unknown[] | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!flat) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1];
  return out;
}
