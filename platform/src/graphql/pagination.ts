// Shared GraphQL helpers for list fields: BAD_USER_INPUT errors, and keyset cursors over (time, id)
// for connections ordered newest first.
import { GraphQLError } from 'graphql';

export function badUserInput(message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * A bounded integer argument (a page size `first`, a book `depth`, a history `last`): `fallback` when
 * absent, BAD_USER_INPUT naming the range when outside 1..max — refused, never clamped, on every field.
 */
export function boundedCount(value: number | null | undefined, name: string, fallback: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) badUserInput(`${name} must be an integer in 1..${max}`);
  return n;
}

export interface KeysetPosition {
  at: Date;
  id: string;
}

export const encodeKeysetCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

/** Undefined for no cursor; a BAD_USER_INPUT error for one this API did not issue. */
export function decodeKeysetCursor(cursor: string | null | undefined): KeysetPosition | undefined {
  if (!cursor) return undefined;
  const [ts, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(ts ?? '');
  if (Number.isNaN(at.getTime()) || rest.length === 0) badUserInput(`invalid cursor ${JSON.stringify(cursor)}`);
  return { at, id: rest.join('|') };
}

/** A Relay-style connection of rows already paged by the store. */
export function keysetConnection<T>(rows: T[], hasNextPage: boolean, key: (row: T) => [Date, string]) {
  const edges = rows.map((node) => ({ cursor: encodeKeysetCursor(...key(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null } };
}
