// The two operations a client's subscription becomes at the gateway: the subscription sent to the
// owning subgraph (the root field with the client's arguments, selecting only the event's key), and
// the query that resolves one event by that key with the client's whole selection set — which the
// gateway plans and executes across subgraphs like any query.
import {
  valueFromASTUntyped,
  Kind, OperationTypeNode, getOperationAST, visit,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type VariableDefinitionNode,
} from 'graphql';
import type { SubscriptionRoute } from './routes';

/** The variable carrying the event's key in the lookup query; `__` keeps it clear of client variables. */
export const KEY_VARIABLE = '__eventKey';

export interface BridgedSubscription {
  route: SubscriptionRoute;
  /** Key under which the client expects the field in `data` (its alias, if any). */
  responseKey: string;
  upstream: DocumentNode;
  lookup: DocumentNode;
  /** The root field's `accountId` argument under these variables (undefined when it has none). */
  accountId: (variables: Record<string, unknown>) => unknown;
}

export class BridgeError extends Error {
  override readonly name = 'BridgeError';
}

function variablesIn(node: Parameters<typeof visit>[0]): Set<string> {
  const used = new Set<string>();
  visit(node, { Variable: (v) => void used.add(v.name.value) });
  return used;
}

function fragmentsUsed(selection: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread: (spread) => {
        const def = fragments.get(spread.name.value);
        if (def && !found.has(def.name.value)) {
          found.set(def.name.value, def);
          walk(def);
        }
      },
    });
  walk(selection);
  return [...found.values()];
}

const keepVariables = (defs: readonly VariableDefinitionNode[] | undefined, used: Set<string>) => (defs ?? []).filter((d) => used.has(d.variable.name.value));

/** Splits a validated subscription document into the upstream subscription and the lookup query. */
export function bridgeSubscription(document: DocumentNode, operationName: string | null | undefined, routes: ReadonlyMap<string, SubscriptionRoute>): BridgedSubscription {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION) throw new BridgeError('not a subscription operation');
  const selections = operation.selectionSet.selections;
  const root = selections[0];
  if (selections.length !== 1 || root?.kind !== Kind.FIELD) throw new BridgeError('a subscription must select exactly one root field, without fragments');
  const route = routes.get(root.name.value);
  if (!route) throw new BridgeError(`no route for Subscription.${root.name.value}`);
  if (!root.selectionSet) throw new BridgeError(`Subscription.${root.name.value} needs a selection set`);

  const upstreamField: FieldNode = {
    kind: Kind.FIELD,
    name: root.name,
    arguments: root.arguments,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: route.keyArg } }] },
  };
  const upstreamOperation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.SUBSCRIPTION,
    name: operation.name,
    variableDefinitions: keepVariables(operation.variableDefinitions, variablesIn(upstreamField)),
    selectionSet: { kind: Kind.SELECTION_SET, selections: [upstreamField] },
  };

  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const usedFragments = fragmentsUsed(root.selectionSet, fragments);
  const responseKey = root.alias?.value ?? root.name.value;
  const lookupField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: route.lookupField },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: route.keyArg }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: KEY_VARIABLE } } }],
    directives: root.directives,
    selectionSet: root.selectionSet,
  };
  const usedInLookup = variablesIn(root.selectionSet);
  for (const f of usedFragments) for (const v of variablesIn(f)) usedInLookup.add(v);
  for (const d of root.directives ?? []) for (const v of variablesIn(d)) usedInLookup.add(v);
  const keyDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: KEY_VARIABLE } },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
  };
  const lookupOperation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: operation.name,
    variableDefinitions: [keyDefinition, ...keepVariables(operation.variableDefinitions, usedInLookup)],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [lookupField] },
  };
  return {
    route,
    responseKey,
    upstream: { kind: Kind.DOCUMENT, definitions: [upstreamOperation] },
    lookup: { kind: Kind.DOCUMENT, definitions: [lookupOperation, ...usedFragments] },
    accountId: (variables) => {
      const arg = root.arguments?.find((a) => a.name.value === 'accountId');
      return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
    },
  };
}
