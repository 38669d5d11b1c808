// The client-facing (API) schema of a supergraph: what the gateway exposes once the federation
// machinery (join__*, link__*, @inaccessible elements) is removed. Schema checks diff and validate
// against this, never against the raw supergraph SDL.
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/**
 * Builds the API schema of a supergraph SDL. Feature support is not checked (`supportedFeatures: null`):
 * the check is about the schema's shape, and whether the gateway can execute a linked feature such as
 * @authenticated is the gateway's concern, not the schema check's.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
}
