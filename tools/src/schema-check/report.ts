// The human-readable report of a schema check: changes grouped breaking / dangerous / safe, the
// operations validated per source, and every failure as file:line. Pure (result in, text out).
import type { CheckResult } from './check';
import type { SchemaChange } from './diff';
import { SOURCES } from './operations';

/** Breaking changes are always listed in full; longer dangerous / safe lists are cut (`--json` has all). */
const LISTED = 25;

function change(c: SchemaChange): string {
  const allowed = c.allowedBecause === undefined ? '' : ` (allowed: ${c.allowedBecause})`;
  return `    ${c.type} ${c.path ?? '-'}: ${c.message}${allowed}`;
}

export function formatReport(r: CheckResult): string {
  const out: string[] = [];
  const { changes, operations } = r;
  out.push(`schema check against ${r.base.revision ?? 'the given base supergraph'}`);
  if (r.base.note) out.push(`  ${r.base.note}`);
  const total = changes.breaking.length + changes.dangerous.length + changes.safe.length;
  out.push(`  changes: ${total} (${changes.breaking.length} breaking, ${changes.dangerous.length} dangerous, ${changes.safe.length} safe)`);
  const groups: [string, SchemaChange[]][] = [['breaking', changes.breaking], ['dangerous', changes.dangerous], ['safe', changes.safe]];
  for (const [label, list] of groups) {
    if (list.length === 0) continue;
    out.push(`  ${label}:`);
    const shown = label === 'breaking' ? list : list.slice(0, LISTED);
    out.push(...shown.map(change));
    if (shown.length < list.length) out.push(`    … ${list.length - shown.length} more (--json lists them all)`);
  }
  for (const a of changes.unusedAllowances) out.push(`  note: allow-list entry ${a.type} ${a.path} matched no breaking change (remove it)`);

  const counts = SOURCES.map((s) => `${s} ${operations.counts[s]}`).join(', ');
  const all = SOURCES.reduce((n, s) => n + operations.counts[s], 0);
  out.push(`  operations validated: ${all} (${counts})`);
  if (operations.skippedDynamic.length > 0) out.push(`  skipped (dynamic): ${operations.skippedDynamic.length}`);
  for (const s of operations.skippedDynamic) out.push(`    ${s.file}:${s.line}: ${s.message}`);
  if (operations.skippedSdl.length > 0) out.push(`  skipped (SDL blocks): ${operations.skippedSdl.length}`);
  if (operations.skippedInternal.length > 0) out.push(`  skipped (federation-internal, sent to a subgraph): ${operations.skippedInternal.length}`);
  const refused = new Set(operations.expectedInvalid.map((f) => `${f.file}:${f.line}`));
  if (refused.size > 0) out.push(`  expected invalid (expected-invalid.json, tests of refusals): ${refused.size}`);
  for (const e of operations.unusedExpectedInvalid) out.push(`  note: expected-invalid entry in ${e.file} matched no invalid operation (remove it): ${e.operation}`);
  for (const e of operations.unparsable) out.push(`  ERROR ${e.file}:${e.line}: cannot parse: ${e.message}`);
  for (const f of operations.failures) out.push(`  ERROR ${f.file}:${f.line} (${f.operation}): ${f.message}`);
  for (const c of changes.unallowed) out.push(`  ERROR breaking change not in tools/src/schema-check/allowed-breaking.json: ${c.type} ${c.path ?? '-'}: ${c.message}`);
  out.push(r.passed ? 'schema check passed' : 'schema check FAILED');
  return `${out.join('\n')}\n`;
}
