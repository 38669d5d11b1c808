// Apollo Server options shared by the gateway and every subgraph: introspection off in production,
// stack traces only when GRAPHQL_DEBUG=1 outside production, every error with a stable extensions.code
// (auth errors as UNAUTHENTICATED / FORBIDDEN). Operations that stop when abandoned: stop-abandoned.ts.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AuthError } from '../auth/principal';
import type { Config } from '../config';

export function apolloErrorOptions(config: Config) {
  const debug = config.NODE_ENV !== 'production' && config.GRAPHQL_DEBUG === '1';
  return {
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: debug,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const original = unwrapResolverError(error);
      if (original instanceof AuthError) return { ...formatted, message: original.message, extensions: { code: original.code } };
      if (!debug && formatted.extensions) {
        const { stacktrace: _stacktrace, exception: _exception, ...rest } = formatted.extensions as Record<string, unknown>;
        return { ...formatted, extensions: { ...rest, code: rest.code ?? 'INTERNAL_SERVER_ERROR' } };
      }
      return { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR' } };
    },
  };
}
