// The schema's access declarations, read off the supergraph: federation's @authenticated and
// @requiresScopes on object types and fields (composed from every subgraph's SDL). @apollo/gateway does
// not enforce them; scope-plugin.ts does, from this map.
import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

export interface Requirement {
  authenticated: boolean;
  /** Federation's form: [["a", "b"], ["c"]] = (a AND b) OR c; empty = no scope needed. */
  scopes: string[][];
}

export interface RequirementMap {
  /** By type name (applies to every field of the type and every field returning it). */
  types: Map<string, Requirement>;
  /** By `Type.field`. */
  fields: Map<string, Requirement>;
}

const listOf = (v: ConstValueNode): ConstValueNode[] => (v.kind === Kind.LIST ? [...v.values] : [v]);

function requirementOf(directives: readonly ConstDirectiveNode[] | undefined): Requirement | null {
  let authenticated = false;
  const scopes: string[][] = [];
  for (const d of directives ?? []) {
    if (d.name.value === 'authenticated') authenticated = true;
    if (d.name.value === 'requiresScopes') {
      const arg = d.arguments?.find((a) => a.name.value === 'scopes');
      if (arg) for (const all of listOf(arg.value)) scopes.push(listOf(all).map((s) => (s.kind === Kind.STRING ? s.value : '')));
    }
  }
  return authenticated || scopes.length > 0 ? { authenticated: authenticated || scopes.length > 0, scopes } : null;
}

export function requirementsOf(supergraphSdl: string): RequirementMap {
  const map: RequirementMap = { types: new Map(), fields: new Map() };
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const own = requirementOf(def.directives);
    if (own) map.types.set(def.name.value, own);
    for (const field of def.fields ?? []) {
      const req = requirementOf(field.directives);
      if (req) map.fields.set(`${def.name.value}.${field.name.value}`, req);
    }
  }
  return map;
}
