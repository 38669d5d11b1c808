// The reviewed lists of the schema check, both JSON arrays whose every entry carries a reason:
// allowed-breaking.json (breaking changes accepted on purpose: inspector path + type) and
// expected-invalid.json (operations a test sends to see them refused). Pure parsing and validation.

export interface AllowedBreaking {
  /** The change's path as @graphql-inspector reports it, e.g. `Query.instrument` or `Order.quantity`. */
  path: string;
  /** The inspector change type, e.g. `FIELD_REMOVED`. */
  type: string;
  /** Why the break is acceptable (required, reviewed with the change). */
  reason: string;
}

export interface ExpectedInvalid {
  /** The file the operation is in, relative to the repository root. */
  file: string;
  /** The operation's text (whitespace-insensitive; a part of it is enough to pick it out). */
  operation: string;
  /** Why the operation is meant to be invalid. */
  reason: string;
}

export class AllowListError extends Error {
  constructor(readonly problems: string[], source: string) {
    super(`invalid ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AllowListError';
  }
}

/** Validates a JSON value as an array of objects with exactly `keys`, each a non-empty string. */
function parseEntries<T>(value: unknown, keys: readonly string[], source: string): T[] {
  const shape = `{ ${keys.join(', ')} }`;
  if (!Array.isArray(value)) throw new AllowListError([`must be a JSON array of ${shape}`], source);
  const problems: string[] = [];
  value.forEach((entry: unknown, i) => {
    const at = `entry ${i}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${at}: must be an object ${shape}`);
      return;
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!keys.includes(key)) problems.push(`${at}: unknown key '${key}' (allowed: ${keys.join(', ')})`);
    }
    for (const key of keys) {
      const v = record[key];
      if (typeof v !== 'string' || v.trim() === '') problems.push(`${at}: '${key}' is required and must be a non-empty string`);
    }
  });
  if (problems.length > 0) throw new AllowListError(problems, source);
  return value as T[];
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AllowListError([`not valid JSON: ${(err as Error).message}`], source);
  }
}

export function parseAllowList(value: unknown, source = 'allowed-breaking.json'): AllowedBreaking[] {
  return parseEntries<AllowedBreaking>(value, ['path', 'type', 'reason'], source);
}

export function parseAllowListText(text: string, source = 'allowed-breaking.json'): AllowedBreaking[] {
  return parseAllowList(parseJson(text, source), source);
}

export function parseExpectedInvalid(value: unknown, source = 'expected-invalid.json'): ExpectedInvalid[] {
  return parseEntries<ExpectedInvalid>(value, ['file', 'operation', 'reason'], source);
}

export function parseExpectedInvalidText(text: string, source = 'expected-invalid.json'): ExpectedInvalid[] {
  return parseExpectedInvalid(parseJson(text, source), source);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Does the entry name this operation (same file, its text contains the entry's, whitespace aside)? */
export function matchesExpectedInvalid(entry: ExpectedInvalid, file: string, operationText: string): boolean {
  return entry.file === file && squash(operationText).includes(squash(entry.operation));
}
