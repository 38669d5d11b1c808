// base-schema.ts: the base revision and its committed supergraph, in a throwaway git repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBaseSupergraph, resolveBase } from './base-schema';


test('HEAD without origin/main; a base without the file is no previous schema; an unknown base throws', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schema-check-'));
  try {
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(join(dir, 'README.md'), 'x');
    git('add', 'README.md');
    git('commit', '-qm', 'first');
    expect(resolveBase(dir, undefined)).toBe('HEAD');
    expect(resolveBase(dir, 'v1')).toBe('v1');
    expect(readBaseSupergraph(dir, 'HEAD')).toMatchObject({ base: 'HEAD', sdl: null, note: expect.stringMatching(/no gateway\/supergraph.graphql/) });

    mkdirSync(join(dir, 'gateway'));
    writeFileSync(join(dir, 'gateway', 'supergraph.graphql'), 'type Query { a: Int }\n');
    git('add', 'gateway/supergraph.graphql');
    git('commit', '-qm', 'second');
    expect(readBaseSupergraph(dir, 'HEAD')).toEqual({ base: 'HEAD', sdl: 'type Query { a: Int }\n' });
    expect(() => readBaseSupergraph(dir, 'no-such-rev')).toThrow(/unknown base revision 'no-such-rev'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
