// The supergraph as @apollo/gateway is given it: the committed one without its SECURITY features
// (@authenticated, @requiresScopes). @apollo/gateway refuses to start on a supergraph that links them,
// because it cannot enforce them itself; this gateway enforces them in scope-plugin.ts from the
// committed supergraph, so they are removed only from the copy the query planner reads.
import { Kind, parse, print, visit, type ConstDirectiveNode } from 'graphql';

const SECURITY_DIRECTIVES = new Set(['authenticated', 'requiresScopes']);
const SECURITY_TYPES = new Set(['requiresScopes__Scope']);

const isSecurityLink = (d: ConstDirectiveNode) =>
  d.name.value === 'link' && d.arguments?.some((a) => a.name.value === 'for' && a.value.kind === Kind.ENUM && a.value.value === 'SECURITY');

export function withoutSecurityFeatures(supergraphSdl: string): string {
  const stripped = visit(parse(supergraphSdl), {
    Directive: (node) => (SECURITY_DIRECTIVES.has(node.name.value) || isSecurityLink(node as ConstDirectiveNode) ? null : undefined),
    DirectiveDefinition: (node) => (SECURITY_DIRECTIVES.has(node.name.value) ? null : undefined),
    ScalarTypeDefinition: (node) => (SECURITY_TYPES.has(node.name.value) ? null : undefined),
  });
  return print(stripped);
}
