// Custom scalars shared by every subgraph. DateTime travels as an ISO-8601 string with a zone and is a
// Date inside resolvers; anything else is a BAD_USER_INPUT error naming the value.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && ISO_WITH_ZONE.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError(`DateTime must be an ISO-8601 string with a time zone, got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string with a time zone.',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`cannot serialize ${String(value)} as DateTime`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return parseDateTime(undefined);
    return parseDateTime(ast.value);
  },
});
