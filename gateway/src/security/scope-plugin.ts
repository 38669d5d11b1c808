// Enforces the schema's @authenticated / @requiresScopes at the gateway, before any subgraph is asked:
// every field an operation selects (through fragments too) is checked against its own declaration, its
// parent type's and its return type's. An anonymous caller gets UNAUTHENTICATED, a credential without
// the scope FORBIDDEN naming the field; the whole operation is refused (no partial answers).
import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { satisfies, type Principal } from '@aitrader/platform';
import type { Requirement, RequirementMap } from './scope-requirements';

export interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  field: string;
  message: string;
}

/** The first field of `document` the principal may not select, or null. */
export function firstRefusal(schema: GraphQLSchema, document: DocumentNode, requirements: RequirementMap, principal: Principal | null): Refusal | null {
  const typeInfo = new TypeInfo(schema);
  let refusal: Refusal | null = null;
  const check = (req: Requirement | undefined, field: string) => {
    if (!req || refusal) return;
    if (!principal) refusal = { code: 'UNAUTHENTICATED', field, message: `${field} needs a credential (Authorization: Bearer <API key or JWT>)` };
    else if (!satisfies(principal, req.scopes)) {
      const needed = req.scopes.map((all) => all.join(' and ')).join(' or ');
      refusal = { code: 'FORBIDDEN', field, message: `${field} needs the ${needed} scope` };
    }
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const def = typeInfo.getFieldDef();
        if (!parent || !def || node.name.value.startsWith('__')) return;
        const name = `${parent.name}.${def.name}`;
        check(requirements.types.get(parent.name), name);
        check(requirements.fields.get(name), name);
        check(requirements.types.get(getNamedType(def.type).name), name);
      },
    }),
  );
  return refusal;
}

export function scopePlugin<C extends { principal: Principal | null }>(requirements: RequirementMap): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          const refusal = firstRefusal(schema, document, requirements, contextValue.principal);
          if (refusal) {
            throw new GraphQLError(refusal.message, {
              extensions: { code: refusal.code, field: refusal.field, http: { status: refusal.code === 'UNAUTHENTICATED' ? 401 : 403 } },
            });
          }
        },
      };
    },
  };
}
