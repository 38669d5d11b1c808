// @aitrader/platform: the one shared package every service imports — the service registry, config,
// logging, message schemas, the Redis bus, the database client, health, the service runtime, the L2
// order book and the exact storage-scale Decimal. Domain layers import only the transport-free subpaths
// (`@aitrader/platform/decimal`, `/messages`, `/book`, `/registry`), never this barrel.
export * from './registry';
export * from './config';
export * from './services';
export * from './logger';
export * from './messages';
export * from './bus';
export * from './db';
export * from './health';
export * from './server';
export * from './version';
export * from './market-keys';
export * from './book';
export * from './storage-decimal';
export { DateTimeScalar } from './graphql/scalars';
export { requestIdOf, type RequestContext } from './graphql/request-context';
export { apolloErrorOptions } from './graphql/apollo-options';
export { abandonedRequestPlugin, createOperationStats, stoppableResolvers, type OperationLimits, type OperationStats } from './graphql/stop-abandoned';
export * from './auth';
export * from './http/guards';
export { createEventBus, eventStream, serveSubscriptions, type EventBus, type RedisPubSub } from './graphql/subscriptions';
export * from './graphql/pagination';
export { serviceInfoTypeDefs, serviceInfoField, loadSdl } from './graphql/service-info';
export * from './supervisor';
