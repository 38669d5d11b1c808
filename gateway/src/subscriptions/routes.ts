// Where each subscription field of the supergraph comes from, read off the supergraph itself: the
// subgraph that owns it (@join__field) and the query field of that subgraph that gives back one event
// by its key (a field returning the same type, with one `ID!` argument named like a field of it,
// e.g. `fillReceived: Fill!` → `fill(tradeId: ID!)`). The gateway subscribes at the owner for the key
// only, and resolves the client's whole selection, across subgraphs, through that query.
import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

export interface SubscriptionRoute {
  /** The Subscription field, e.g. `fillReceived`. */
  field: string;
  /** The owning subgraph's service name, e.g. `execution`. */
  service: string;
  /** The event's type, e.g. `Fill`. */
  typeName: string;
  /** The query field that resolves an event by key, e.g. `fill`. */
  lookupField: string;
  /** Its argument, which is also the event's key field, e.g. `tradeId`. */
  keyArg: string;
}

export class SubscriptionRouteError extends Error {
  override readonly name = 'SubscriptionRouteError';
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isRequiredId = (type: TypeNode) => type.kind === Kind.NON_NULL_TYPE && type.type.kind === Kind.NAMED_TYPE && type.type.name.value === 'ID';

function argValue(directive: ConstDirectiveNode, name: string): string | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg && (arg.value.kind === Kind.ENUM || arg.value.kind === Kind.STRING) ? arg.value.value : undefined;
}

/** The join__Graph enum value (e.g. EXECUTION) that owns a field, from @join__field or its type's single @join__type. */
function owner(field: FieldDefinitionNode, type: ObjectTypeDefinitionNode): string | undefined {
  const fromField = field.directives?.find((d) => d.name.value === 'join__field');
  if (fromField) return argValue(fromField, 'graph');
  const types = type.directives?.filter((d) => d.name.value === 'join__type') ?? [];
  return types.length === 1 ? argValue(types[0]!, 'graph') : undefined;
}

export function subscriptionRoutes(supergraph: string | DocumentNode): SubscriptionRoute[] {
  const doc = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const objects = new Map<string, ObjectTypeDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.OBJECT_TYPE_DEFINITION) objects.set(def.name.value, def);
  const graphEnum = doc.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph');
  const graphNames = new Map<string, string>();
  if (graphEnum?.kind === Kind.ENUM_TYPE_DEFINITION) {
    for (const value of graphEnum.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = graph && argValue(graph, 'name');
      if (name) graphNames.set(value.name.value, name);
    }
  }
  const subscription = objects.get('Subscription');
  const query = objects.get('Query');
  if (!subscription) return [];
  return (subscription.fields ?? []).map((field) => {
    const graph = owner(field, subscription);
    const service = graph && graphNames.get(graph);
    if (!graph || !service) throw new SubscriptionRouteError(`Subscription.${field.name.value} has no owning subgraph`);
    const typeName = namedType(field.type);
    const eventFields = new Set((objects.get(typeName)?.fields ?? []).map((f) => f.name.value));
    const lookup = (query?.fields ?? []).find(
      (q) =>
        owner(q, query!) === graph &&
        namedType(q.type) === typeName &&
        q.arguments?.length === 1 &&
        isRequiredId(q.arguments[0]!.type) &&
        eventFields.has(q.arguments[0]!.name.value),
    );
    if (!lookup) {
      throw new SubscriptionRouteError(`Subscription.${field.name.value}: subgraph ${service} has no query field returning ${typeName} by an ID! argument named like one of its fields`);
    }
    return { field: field.name.value, service, typeName, lookupField: lookup.name.value, keyArg: lookup.arguments![0]!.name.value };
  });
}
