// Trusted documents: an operation sent by id runs its manifest body; an unknown id is refused; in
// `require` mode a raw query is refused; a manifest whose ids do not hash their bodies is rejected.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { documentId, loadManifest, trustedDocuments } from './trusted-documents';

const BODY = 'query Replay { replay { state } }';

function manifestFile(operations: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trusted-')), 'trusted-documents.json');
  writeFileSync(path, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }));
  return path;
}

function run(mode: 'allow' | 'require', body: Record<string, unknown>) {
  const documents = loadManifest(manifestFile([{ id: documentId(BODY), name: 'Replay', type: 'query', body: BODY }]));
  const sent: { status?: number; json?: unknown; next: boolean } = { next: false };
  const res = { status: (s: number) => ((sent.status = s), res), json: (j: unknown) => ((sent.json = j), res) } as unknown as Response;
  trustedDocuments(documents, mode)({ body } as Request, res, () => void (sent.next = true));
  return { ...sent, body };
}

test('an operation sent by documentId (or APQ hash) runs the manifest body', () => {
  const byId = run('require', { documentId: documentId(BODY) });
  expect(byId.next).toBe(true);
  expect(byId.body).toEqual({ query: BODY });
  const apq = run('require', { extensions: { persistedQuery: { version: 1, sha256Hash: documentId(BODY) } } });
  expect(apq.next).toBe(true);
  expect(apq.body.query).toBe(BODY);
});

test('an unknown id is refused; a raw query is refused in require mode and allowed in allow mode', () => {
  expect(run('allow', { documentId: 'f'.repeat(64) })).toMatchObject({ next: false, status: 400, json: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
  expect(run('require', { query: '{ replay { state } }' })).toMatchObject({ next: false, status: 400, json: { errors: [{ extensions: { code: 'PERSISTED_QUERY_REQUIRED' } }] } });
  expect(run('allow', { query: '{ replay { state } }' }).next).toBe(true);
});

test('a manifest entry whose id is not the hash of its body is rejected at load', () => {
  expect(() => loadManifest(manifestFile([{ id: 'abc', name: 'X', type: 'query', body: BODY }]))).toThrow(/hashes to/);
  expect(loadManifest(join(tmpdir(), 'no-such-manifest.json')).size).toBe(0);
});
