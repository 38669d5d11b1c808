// The gateway's trusted-documents manifest (gateway/trusted-documents.json, Apollo's persisted-query
// manifest format), made from the dashboard's operations: GraphQL Code Generator's client preset writes
// each document with its sha256 (dashboard/src/gql/persisted-documents.json); the dashboard sends that id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { documentId, type Manifest } from '../../../gateway/src/security/trusted-documents';

const ROOT = join(__dirname, '..', '..', '..');
export const PERSISTED_DOCUMENTS = join(ROOT, 'dashboard', 'src', 'gql', 'persisted-documents.json');
export const MANIFEST = join(ROOT, 'gateway', 'trusted-documents.json');

/** The manifest for the given `{ "sha256:<hex>": body }` map; throws when an id is not its body's hash. */
export function manifestOf(persisted: Record<string, string>): Manifest {
  const operations = Object.entries(persisted).map(([key, body]) => {
    const id = key.replace(/^sha256:/, '');
    if (id !== documentId(body)) throw new Error(`${key} is not the sha256 of its document`);
    const operation = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (!operation?.name) throw new Error(`document ${id} has no named operation`);
    return { id, name: operation.name.value, type: operation.operation, body };
  });
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function manifestText(): string {
  return `${JSON.stringify(manifestOf(JSON.parse(readFileSync(PERSISTED_DOCUMENTS, 'utf8')) as Record<string, string>), null, 2)}\n`;
}
