// The schema check itself, without I/O: new supergraph vs base supergraph (API schemas), the reviewed
// lists and the shipped operations in; a pass/fail result with everything the report shows out.
import { matchesExpectedInvalid, type AllowedBreaking, type ExpectedInvalid } from './allow-list';
import { apiSchemaOf } from './api-schema';
import { diffSchemas, type DiffResult } from './diff';
import type { Extraction, ExtractionProblem } from './operations';
import { validateOperations, type OperationFailure, type SkippedOperation, type ValidationResult } from './validate';

export interface CheckInput {
  /** The supergraph the subgraphs compose to now. */
  newSupergraphSdl: string;
  /** The base revision's committed supergraph; null when there is no previous schema. */
  baseSupergraphSdl: string | null;
  allowList: readonly AllowedBreaking[];
  /** Operations that tests send on purpose to see them refused (default: none). */
  expectedInvalid?: readonly ExpectedInvalid[];
  operations: Extraction;
  /** For the report: which base was read, and a note when it had no supergraph. */
  base?: { revision: string | null; note?: string };
}

export interface CheckResult {
  passed: boolean;
  base: { revision: string | null; note?: string };
  changes: DiffResult;
  operations: {
    counts: ValidationResult['counts'];
    /** Validation failures that fail the check. */
    failures: OperationFailure[];
    /** Validation failures of operations listed in expected-invalid.json (do not fail). */
    expectedInvalid: (OperationFailure & { reason: string })[];
    /** expected-invalid.json entries whose operation is missing or now valid (stale; reported). */
    unusedExpectedInvalid: ExpectedInvalid[];
    /** Documents that do not parse (fail). */
    unparsable: ExtractionProblem[];
    skippedDynamic: ExtractionProblem[];
    skippedSdl: ExtractionProblem[];
    skippedInternal: SkippedOperation[];
  };
}

export async function runCheck(input: CheckInput): Promise<CheckResult> {
  const newSchema = apiSchemaOf(input.newSupergraphSdl);
  const oldSchema = input.baseSupergraphSdl === null ? null : apiSchemaOf(input.baseSupergraphSdl);
  const changes = await diffSchemas(oldSchema, newSchema, input.allowList);
  const validation = validateOperations(newSchema, input.operations.documents);

  const expected = input.expectedInvalid ?? [];
  const used = new Set<ExpectedInvalid>();
  const failures: OperationFailure[] = [];
  const expectedInvalid: CheckResult['operations']['expectedInvalid'] = [];
  for (const f of validation.failures) {
    const entry = expected.find((e) => matchesExpectedInvalid(e, f.file, f.text));
    if (!entry) {
      failures.push(f);
      continue;
    }
    used.add(entry);
    expectedInvalid.push({ ...f, reason: entry.reason });
  }

  const passed = changes.unallowed.length === 0 && failures.length === 0 && input.operations.errors.length === 0;
  return {
    passed,
    base: input.base ?? { revision: null },
    changes,
    operations: {
      counts: validation.counts,
      failures,
      expectedInvalid,
      unusedExpectedInvalid: expected.filter((e) => !used.has(e)),
      unparsable: input.operations.errors,
      skippedDynamic: input.operations.skippedDynamic,
      skippedSdl: input.operations.skippedSdl,
      skippedInternal: validation.skippedInternal,
    },
  };
}
