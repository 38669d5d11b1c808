// Identity and access, one module for the gateway and every subgraph: principals and their checks,
// API keys, JWTs, the authenticator over both, and the signed principal platform processes pass on.
export * from './principal';
export * from './api-keys';
export * from './jwt';
export * from './authenticator';
export * from './internal';
