// Collects the client operations we ship, Studio-style: ```graphql blocks in the repository's markdown,
// *.graphql files under operations/ or dashboard/ folders, and the operation literals of the integration
// tests. The extract* functions are pure (text in, documents out); collectOperations walks the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';
import ts from 'typescript';

export type OperationSource = 'markdown' | 'graphql-files' | 'integration-tests';
export const SOURCES: readonly OperationSource[] = ['markdown', 'graphql-files', 'integration-tests'];

/** One GraphQL document found in a file; `line` is the file line of the document's first line. */
export interface ShippedDocument {
  source: OperationSource;
  file: string;
  line: number;
  text: string;
  /** Interpolations were replaced by guessed literals (template literals in tests). */
  guessed?: boolean;
}

export interface ExtractionProblem {
  source: OperationSource;
  file: string;
  line: number;
  message: string;
}

export interface Extraction {
  documents: ShippedDocument[];
  /** Documents that do not parse: they fail the check. */
  errors: ExtractionProblem[];
  /** Template literals whose interpolations could not be given a literal that parses. */
  skippedDynamic: ExtractionProblem[];
  /** Markdown blocks that are SDL (type/schema/scalar definitions), not operations. */
  skippedSdl: ExtractionProblem[];
}

const empty = (): Extraction => ({ documents: [], errors: [], skippedDynamic: [], skippedSdl: [] });

function merge(into: Extraction, from: Extraction): Extraction {
  into.documents.push(...from.documents);
  into.errors.push(...from.errors);
  into.skippedDynamic.push(...from.skippedDynamic);
  into.skippedSdl.push(...from.skippedSdl);
  return into;
}

/**
 * Blanks documentation placeholders outside GraphQL strings, keeping every newline (so lines still
 * match): `/* 60 prices *\/` block comments and a bare `…`. Strings and `#` comments are left alone.
 */
export function stripPlaceholders(text: string): string {
  let out = '';
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    if (text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      const stop = end === -1 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
    } else if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += blank(text.slice(i, stop));
      i = stop;
    } else if (text[i] === '…') {
      out += ' ';
      i += 1;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

function isExecutable(doc: DocumentNode): boolean {
  return doc.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION);
}

const SDL_KEYWORD = /^\s*(extend\s+)?(type|schema|scalar|interface|union|enum|input|directive)\b/m;

function parseError(err: unknown): { message: string; line: number } {
  const e = err as { message: string; locations?: readonly { line: number }[] };
  return { message: e.message, line: e.locations?.[0]?.line ?? 1 };
}

/** Every ```graphql (or ```gql) fenced block of a markdown file; SDL blocks are set aside. */
export function extractFromMarkdown(text: string, file: string): Extraction {
  const result = empty();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(graphql|gql)\b/i.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) body.push(lines[j++]!);
    const startLine = i + 2; // the block's first line (1-based)
    const block = stripPlaceholders(body.join('\n'));
    i = j;
    if (block.trim() === '') continue;
    try {
      const doc = parse(block);
      if (!isExecutable(doc)) {
        result.skippedSdl.push({ source: 'markdown', file, line: startLine, message: 'SDL block (type definitions), not an operation' });
        continue;
      }
    } catch (err) {
      if (SDL_KEYWORD.test(block)) {
        result.skippedSdl.push({ source: 'markdown', file, line: startLine, message: 'SDL block (type definitions), not an operation' });
        continue;
      }
      const { message, line } = parseError(err);
      result.errors.push({ source: 'markdown', file, line: startLine + line - 1, message });
      continue;
    }
    result.documents.push({ source: 'markdown', file, line: startLine, text: block });
  }
  return result;
}

/** A *.graphql file of operations (a dashboard's or an operations/ folder's). */
export function extractFromGraphqlFile(text: string, file: string): Extraction {
  const result = empty();
  try {
    const doc = parse(text);
    if (!isExecutable(doc)) {
      result.skippedSdl.push({ source: 'graphql-files', file, line: 1, message: 'SDL file, not operations' });
      return result;
    }
  } catch (err) {
    const { message, line } = parseError(err);
    result.errors.push({ source: 'graphql-files', file, line, message });
    return result;
  }
  result.documents.push({ source: 'graphql-files', file, line: 1, text });
  return result;
}

/** Does a string literal's value look like a GraphQL operation (and not, say, JSON)? */
export function looksLikeOperation(value: string): boolean {
  return /^\s*(\{\s*[_A-Za-z]|(query|mutation|subscription)(\s+[_A-Za-z]|\s*[({@]))/.test(value);
}

/** `const NAME = '…'` / `` `…` `` bindings of a file, for resolving `${NAME}` interpolations. */
function stringConstants(sourceFile: ts.SourceFile): Map<string, ts.Expression | null> {
  const found = new Map<string, ts.Expression | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer
      && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer) || ts.isTemplateExpression(node.initializer))) {
      // The same name bound twice in one file is ambiguous: such a name is not resolved.
      found.set(node.name.text, found.has(node.name.text) ? null : node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

interface Rendered {
  text: string;
  /** Some interpolation had to be guessed. */
  guessed: boolean;
}

/** Renders a literal's runtime text, resolving `${CONST}` from the file and guessing the rest. */
function render(node: ts.Expression, constants: Map<string, ts.Expression | null>, depth = 0): Rendered | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text, guessed: false };
  if (!ts.isTemplateExpression(node) || depth > 5) return null;
  let text = node.head.text;
  let guessed = false;
  for (const span of node.templateSpans) {
    const expr = span.expression;
    const bound = ts.isIdentifier(expr) ? constants.get(expr.text) : undefined;
    const resolved = bound ? render(bound, constants, depth + 1) : null;
    if (resolved) {
      text += resolved.text;
      guessed ||= resolved.guessed;
    } else {
      // Inside a GraphQL string (an odd number of quotes so far) a string fits; elsewhere try a number.
      const insideString = (text.match(/(?<!\\)"/g) ?? []).length % 2 === 1;
      text += insideString ? 'x' : '1';
      guessed = true;
    }
    text += span.literal.text;
  }
  return { text, guessed };
}

/** Calls whose argument is an operation for certain: a literal there that does not parse is an error. */
export const OPERATION_HELPERS = new Set(['gql', 'q', 'subscribe']);

function isHelperArgument(node: ts.Node): boolean {
  let current: ts.Node = node;
  // The literal itself, or the literal with `.replace(…)` applied, as an argument of gql(…) / q(…).
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent)) current = current.parent.parent;
  const call = current.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.some((a) => a === current)) return false;
  const callee = ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : '';
  return OPERATION_HELPERS.has(callee);
}

/** Applies `.replace('a', 'b')` calls made on the literal itself (the test sends the replaced text). */
function applyReplaces(node: ts.Node, text: string): string {
  let current: ts.Node = node;
  while (ts.isPropertyAccessExpression(current.parent) && current.parent.name.text === 'replace'
    && ts.isCallExpression(current.parent.parent) && current.parent.parent.arguments.length === 2) {
    const [from, to] = current.parent.parent.arguments;
    if (!from || !to || !ts.isStringLiteralLike(from) || !ts.isStringLiteralLike(to)) break;
    text = text.replace(from.text, to.text);
    current = current.parent.parent;
  }
  return text;
}

/**
 * The operation literals of a TypeScript file (single-, double-quoted and template literals that start
 * with `{`, `query`, `mutation` or `subscription`). A literal that does not parse is an error when it is
 * passed to gql()/q()/subscribe(), skipped (dynamic) when its interpolations were guessed, and otherwise
 * not GraphQL at all (`'{not json'`, `'subscription events'`) and ignored.
 */
export function extractFromTypeScript(text: string, file: string): Extraction {
  const result = empty();
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = stringConstants(sourceFile);
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const head = ts.isTemplateExpression(node) ? node.head.text : node.text;
      if (looksLikeOperation(head) || (ts.isTemplateExpression(node) && /^\s*$/.test(head))) {
        const rendered = render(node, constants);
        if (rendered && looksLikeOperation(rendered.text)) {
          const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
          const body = applyReplaces(node, rendered.text);
          try {
            parse(body);
            result.documents.push({ source: 'integration-tests', file, line, text: body, guessed: rendered.guessed || undefined });
          } catch (err) {
            const { message, line: at } = parseError(err);
            const problem = { source: 'integration-tests' as const, file, line: line + at - 1, message };
            if (rendered.guessed) result.skippedDynamic.push(problem);
            else if (isHelperArgument(node)) result.errors.push(problem);
          }
        }
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return result;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'target', 'dist', 'coverage']);

function walk(dir: string, root: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
      walk(join(dir, entry.name), root, out);
    } else if (entry.isFile()) {
      out.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
    }
  }
  return out;
}

/** Which repository files each source reads (paths relative to the root, `/`-separated). */
export function classify(path: string): OperationSource | null {
  if (path.endsWith('.md')) return 'markdown';
  // **/operations/**/*.graphql and **/dashboard/**/*.graphql
  if (path.endsWith('.graphql') && /(^|\/)(operations|dashboard)\//.test(path)) return 'graphql-files';
  if (/^tests\/integration\/.*\.ts$/.test(path) && !path.endsWith('.d.ts')) return 'integration-tests';
  return null;
}

/** Walks the repository and extracts every shipped operation document. */
export function collectOperations(root: string): Extraction {
  const result = empty();
  for (const path of walk(root, root, []).sort()) {
    const source = classify(path);
    if (!source) continue;
    const text = readFileSync(join(root, path), 'utf8');
    if (source === 'markdown') merge(result, extractFromMarkdown(text, path));
    else if (source === 'graphql-files') merge(result, extractFromGraphqlFile(text, path));
    else merge(result, extractFromTypeScript(text, path));
  }
  return result;
}
