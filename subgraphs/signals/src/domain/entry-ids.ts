// Redis stream entry ids ("<ms>-<seq>") in stream order: how the signals service tells a redelivered
// entry (one it has already applied) from a new one.

/** Whether entry id `a` comes after `b` (always, when there is no `b`); compared numerically, not as text. */
export function entryAfter(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am > bm || (am === bm && as > bs);
}
