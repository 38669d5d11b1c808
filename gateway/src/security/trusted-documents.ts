// Trusted documents (persisted operations): a manifest in Apollo's persisted-query-manifest format
// (`{ format, version, operations: [{ id: sha256, name, type, body }] }`) whose operations clients send by
// id (`documentId`, or APQ's `extensions.persistedQuery.sha256Hash`). With TRUSTED_DOCUMENTS=require the
// gateway runs nothing else: a raw query is refused with PERSISTED_QUERY_REQUIRED.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import { sendError } from '@aitrader/platform';

export interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }[];
}

export const documentId = (body: string) => createHash('sha256').update(body).digest('hex');

export function loadManifest(path: string): Map<string, string> {
  if (!existsSync(path)) return new Map();
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) throw new Error(`${path} is not a persisted query manifest (format/version)`);
  for (const op of manifest.operations) {
    if (documentId(op.body) !== op.id) throw new Error(`${path}: operation ${op.name} has id ${op.id}, but its body hashes to ${documentId(op.body)}`);
  }
  return new Map(manifest.operations.map((op) => [op.id, op.body]));
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

export function trustedDocuments(documents: Map<string, string>, mode: 'allow' | 'require'): RequestHandler {
  return (req, res, next) => {
    const body = req.body as GraphQLBody | undefined;
    if (!body || typeof body !== 'object') return next();
    const id = body.documentId ?? body.extensions?.persistedQuery?.sha256Hash;
    if (typeof id === 'string') {
      const query = documents.get(id);
      if (!query) return sendError(res, 'graphql', 'PERSISTED_QUERY_NOT_FOUND', `no trusted document with id ${id.slice(0, 64)}`);
      body.query = query;
      delete body.documentId;
      delete body.extensions?.persistedQuery;
      return next();
    }
    if (mode === 'require') return sendError(res, 'graphql', 'PERSISTED_QUERY_REQUIRED', 'this gateway runs trusted documents only: send a documentId');
    next();
  };
}
