// Classifies the changes between two API schemas (@graphql-inspector/core's diff) into breaking,
// dangerous and safe, and decides which breaking changes the allow-list accepts. Pure: schemas and
// allow-list in, a result out.
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import type { AllowedBreaking } from './allow-list';

export interface SchemaChange {
  type: string;
  message: string;
  path: string | null;
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  /** Breaking changes only: the allow-list entry's reason when the change is allowed. */
  allowedBecause?: string;
}

export interface DiffResult {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  /** Breaking changes that no allow-list entry accepts: these fail the check. */
  unallowed: SchemaChange[];
  /** Allow-list entries that matched no breaking change (stale; reported, not failing). */
  unusedAllowances: AllowedBreaking[];
}

function toChange(c: Change): SchemaChange {
  const level = c.criticality.level === CriticalityLevel.Breaking ? 'BREAKING' : c.criticality.level === CriticalityLevel.Dangerous ? 'DANGEROUS' : 'NON_BREAKING';
  return { type: String(c.type), message: c.message, path: c.path ?? null, level };
}

/** Classifies precomputed changes (what `diffSchemas` does after the inspector's diff). */
export function classifyChanges(changes: SchemaChange[], allowList: readonly AllowedBreaking[]): DiffResult {
  const used = new Set<AllowedBreaking>();
  const breaking = changes.filter((c) => c.level === 'BREAKING').map((c) => {
    const entry = allowList.find((a) => a.type === c.type && a.path === c.path);
    if (!entry) return c;
    used.add(entry);
    return { ...c, allowedBecause: entry.reason };
  });
  return {
    breaking,
    dangerous: changes.filter((c) => c.level === 'DANGEROUS'),
    safe: changes.filter((c) => c.level === 'NON_BREAKING'),
    unallowed: breaking.filter((c) => c.allowedBecause === undefined),
    unusedAllowances: allowList.filter((a) => !used.has(a)),
  };
}

/** Diffs old → new; with no old schema there is nothing to compare, so no changes. */
export async function diffSchemas(oldSchema: GraphQLSchema | null, newSchema: GraphQLSchema, allowList: readonly AllowedBreaking[]): Promise<DiffResult> {
  const changes = oldSchema === null ? [] : (await diff(oldSchema, newSchema)).map(toChange);
  return classifyChanges(changes, allowList);
}
