// Operations that stop working once nobody waits for them: a subgraph request whose client went away,
// that ran past OPERATION_TIMEOUT_MS or resolved more than OPERATION_MAX_FIELDS fields, fails every
// field resolved after that with REQUEST_ABANDONED / OPERATION_TIMEOUT / MAX_FIELDS_EXCEEDED, so a huge
// nested selection ends within one field instead of running on for minutes (it once held the execution
// subgraph at 3 GB after its client gave up).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';

/** What has been seen since the process started; on /health, so one can tell a given-up request stopped. */
export interface OperationStats {
  /** GraphQL operations being executed now. */
  inFlight: number;
  /** Operations stopped because they ran past OPERATION_TIMEOUT_MS. */
  timedOut: number;
  /** Operations stopped because the client went away before the answer. */
  abandoned: number;
  /** Operations stopped because they resolved more than OPERATION_MAX_FIELDS fields. */
  tooLarge: number;
}

export function createOperationStats(): OperationStats {
  return { inFlight: 0, timedOut: 0, abandoned: 0, tooLarge: 0 };
}

export interface OperationLimits {
  timeoutMs: number;
  maxFields: number;
}

/** Longest an operation runs without letting the event loop turn (a client's close is seen at a turn). */
const MS_PER_TURN = 25;

/**
 * Installed on a request's context while it executes, asked before every field: the error to fail it
 * with, a promise to wait for (the next turn of the event loop) before asking again, or nothing.
 */
const STOPPED = Symbol('aitrader.stopped');
type Stoppable = { [STOPPED]?: (info: GraphQLResolveInfo) => GraphQLError | Promise<void> | undefined };

/**
 * Wraps every field resolver of `schema` (in place) to fail once its operation is stopped. The failure
 * is a rejected promise, not a throw: graphql-js completes list items in one synchronous pass, and a
 * non-null item that throws synchronously abandons its already-started siblings, whose own failures
 * would then surface as unhandled rejections. Every MS_PER_TURN the operation waits for the
 * next turn of the event loop: fields resolved from memory (a DataLoader's cache) chain microtasks only,
 * and without a turn no timer, socket close or other request could be seen until it ended.
 */
export function stoppableResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const guarded: typeof resolve = (source, args, context, info) => {
        const stopped = (context as Stoppable | undefined)?.[STOPPED]?.(info);
        if (stopped === undefined) return resolve(source, args, context, info);
        if (stopped instanceof Promise) return stopped.then(() => guarded(source, args, context, info));
        return Promise.reject(stopped);
      };
      field.resolve = guarded;
    }
  }
  return schema;
}

/**
 * Stops the operations of a schema wrapped by `stoppableResolvers` when their request's signal fires
 * (client gone, or the deadline), when the deadline has passed by the clock (checked at every field, as
 * a timer fires only between turns) or when they have resolved `maxFields` fields.
 */
export function abandonedRequestPlugin<C extends BaseContext & { request?: { signal: AbortSignal } }>(
  stats = createOperationStats(),
  limits: OperationLimits = { timeoutMs: Number.POSITIVE_INFINITY, maxFields: Number.POSITIVE_INFINITY },
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          const signal = contextValue.request?.signal;
          if (!signal) return;
          stats.inFlight++;
          const deadline = performance.now() + limits.timeoutMs;
          let fields = 0;
          let lastTurn = performance.now();
          // While set, every field waits for it: only when no field runs can the event loop turn.
          let turn: Promise<void> | undefined;
          let stopped: GraphQLError | undefined;
          // One error for every field failed after the stop, located at the first: graphql-js passes a
          // located error on as it is, where it would wrap (and capture a stack for) each field's copy.
          const stop = (info: GraphQLResolveInfo, counter: 'timedOut' | 'abandoned' | 'tooLarge', message: string, code: string) => {
            stats[counter]++;
            stopped = new GraphQLError(message, { nodes: info.fieldNodes, path: pathToArray(info.path), extensions: { code } });
            return stopped;
          };
          (contextValue as Stoppable)[STOPPED] = (info) => {
            if (stopped) return stopped;
            if (turn) return turn;
            fields++;
            if (fields > limits.maxFields) return stop(info, 'tooLarge', `the operation resolved more than ${limits.maxFields} fields`, 'MAX_FIELDS_EXCEEDED');
            const now = performance.now();
            if (now > deadline || (signal.aborted && (signal.reason as Error | undefined)?.name === 'TimeoutError')) {
              return stop(info, 'timedOut', 'the operation ran past its time limit', 'OPERATION_TIMEOUT');
            }
            if (signal.aborted) return stop(info, 'abandoned', 'the request was abandoned', 'REQUEST_ABANDONED');
            if (now - lastTurn < MS_PER_TURN) return undefined;
            turn = new Promise<void>((resolve) =>
              setImmediate(() => {
                turn = undefined;
                lastTurn = performance.now();
                resolve();
              }),
            );
            return turn;
          };
          return {
            async executionDidEnd() {
              stats.inFlight--;
            },
          };
        },
      };
    },
  };
}
