// Validates shipped operation documents against an API schema, one operation at a time (a markdown
// block may hold several anonymous operations): graphql-js `validate` with the specified rules. Each
// operation is validated with the fragments it uses, from its own document or, for *.graphql files,
// from any of them (a dashboard's fragments may live in a file of their own). Pure.
import { Kind, parse, validate, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { OperationSource, ShippedDocument } from './operations';

export interface OperationFailure {
  source: OperationSource;
  file: string;
  line: number;
  operation: string;
  /** The operation's text as written (after placeholder stripping / interpolation). */
  text: string;
  message: string;
}

export interface SkippedOperation {
  source: OperationSource;
  file: string;
  line: number;
  operation: string;
  reason: string;
}

export interface ValidationResult {
  /** Operations validated per source. */
  counts: Record<OperationSource, number>;
  failures: OperationFailure[];
  /** Federation-internal operations (`_entities`, `_service`) sent to a subgraph directly: not client operations. */
  skippedInternal: SkippedOperation[];
}

/** Root fields only a subgraph has (the gateway's API schema never does). */
const FEDERATION_ROOT_FIELDS = new Set(['_entities', '_service']);

function isFederationInternal(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && FEDERATION_ROOT_FIELDS.has(s.name.value));
}

function usedFragments(root: OperationDefinitionNode, pool: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const seen = new Map<string, FragmentDefinitionNode>();
  const queue: (OperationDefinitionNode | FragmentDefinitionNode)[] = [root];
  while (queue.length > 0) {
    visit(queue.pop()!, {
      FragmentSpread(node) {
        const fragment = pool.get(node.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.set(fragment.name.value, fragment);
          queue.push(fragment);
        }
      },
    });
  }
  return [...seen.values()];
}

function fragmentsOf(doc: DocumentNode): FragmentDefinitionNode[] {
  return doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
}

export function validateOperations(schema: GraphQLSchema, documents: readonly ShippedDocument[]): ValidationResult {
  const counts: Record<OperationSource, number> = { markdown: 0, 'graphql-files': 0, 'integration-tests': 0 };
  const failures: OperationFailure[] = [];
  const skippedInternal: SkippedOperation[] = [];
  const parsed = documents.flatMap((d) => {
    try {
      return [{ shipped: d, doc: parse(d.text) }];
    } catch (err) {
      const e = err as { message: string; locations?: readonly { line: number }[] };
      failures.push({ source: d.source, file: d.file, line: d.line + (e.locations?.[0]?.line ?? 1) - 1, operation: '(unparsable)', text: d.text, message: e.message });
      return [];
    }
  });
  const sharedFragments = new Map(parsed.filter((p) => p.shipped.source === 'graphql-files').flatMap((p) => fragmentsOf(p.doc)).map((f) => [f.name.value, f]));

  for (const { shipped, doc } of parsed) {
    const own = new Map(fragmentsOf(doc).map((f) => [f.name.value, f]));
    const pool = shipped.source === 'graphql-files' ? new Map([...sharedFragments, ...own]) : own;
    const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    operations.forEach((operation, index) => {
      const name = operation.name?.value ?? `${operation.operation} #${index + 1}`;
      const opLine = shipped.line + (operation.loc?.startToken.line ?? 1) - 1;
      const text = operation.loc ? operation.loc.source.body.slice(operation.loc.start, operation.loc.end) : shipped.text;
      if (isFederationInternal(operation)) {
        skippedInternal.push({ source: shipped.source, file: shipped.file, line: opLine, operation: name, reason: 'federation-internal (_entities/_service), sent to a subgraph' });
        return;
      }
      counts[shipped.source] += 1;
      const single: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, pool)] };
      for (const error of validate(schema, single)) {
        const at = error.locations?.[0]?.line;
        // Error locations of the operation's own nodes are lines of its document; fragments from another
        // file would point elsewhere, so the operation's line is used for those.
        const line = at !== undefined && error.source === doc.loc?.source ? shipped.line + at - 1 : opLine;
        failures.push({ source: shipped.source, file: shipped.file, line, operation: name, text, message: error.message });
      }
    });
  }
  return { counts, failures, skippedInternal };
}
