// Operation limits at the gateway with graphql-armor: nesting depth, aliases, directives, tokens (at
// parse time, so a huge document is refused before it is walked) and a cost estimate; field suggestions
// are not leaked in errors. Refusals are GraphQL validation or parse errors with their codes
// are given a stable code of their own (limitCode) and a message naming the limit.
import type { GraphQLFormattedError } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewaySettings } from '../settings';

const LIMIT_CODES: [RegExp, string][] = [
  [/depth limit/i, 'MAX_DEPTH_EXCEEDED'],
  [/aliases limit/i, 'MAX_ALIASES_EXCEEDED'],
  [/directives limit/i, 'MAX_DIRECTIVES_EXCEEDED'],
  [/token limit/i, 'MAX_TOKENS_EXCEEDED'],
  [/cost limit/i, 'MAX_COST_EXCEEDED'],
];

/** An armor refusal (a validation or parse error naming its limit) with the limit's own code. */
export function withLimitCode(error: GraphQLFormattedError): GraphQLFormattedError {
  const code = error.extensions?.code;
  if (code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'GRAPHQL_PARSE_FAILED') return error;
  const limit = LIMIT_CODES.find(([pattern]) => pattern.test(error.message));
  return limit ? { ...error, message: error.message.replace(/^Syntax Error: /, ''), extensions: { ...error.extensions, code: limit[1] } } : error;
}

export function operationLimits(s: GatewaySettings) {
  const armor = new ApolloArmor({
    maxDepth: { n: s.GATEWAY_MAX_DEPTH, flattenFragments: true },
    maxAliases: { n: s.GATEWAY_MAX_ALIASES },
    maxDirectives: { n: s.GATEWAY_MAX_DIRECTIVES },
    maxTokens: { n: s.GATEWAY_MAX_TOKENS },
    costLimit: { maxCost: s.GATEWAY_MAX_COST, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, flattenFragments: true },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
