// Model artifacts on disk: safe names, paths confined to MODELS_DIR, exclusive version claims and the
// shipped bootstrap copied in once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactStore, BOOTSTRAP_FILE } from './artifacts';

let dir: string;
let store: ArtifactStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'artifacts-'));
  store = new ArtifactStore(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writes <name>/<version>.onnx and reads it back', async () => {
  const path = await store.write('nbeats', 'nbeats-v1', new Uint8Array([1, 2, 3]));
  expect(path).toBe('nbeats/nbeats-v1.onnx');
  expect(Array.from(await store.read(path))).toEqual([1, 2, 3]);
  expect(store.exists(path)).toBe(true);
  await store.remove(path);
  expect(store.exists(path)).toBe(false);
});

test('writeNew never replaces a file: the second claim of a version name gets null', async () => {
  expect(await store.writeNew('nbeats', 'nbeats-v2', new Uint8Array([1]))).toBe('nbeats/nbeats-v2.onnx');
  expect(await store.writeNew('nbeats', 'nbeats-v2', new Uint8Array([2]))).toBeNull();
  expect(Array.from(await store.read('nbeats/nbeats-v2.onnx'))).toEqual([1]);
});

test('refuses names and paths that could leave MODELS_DIR', async () => {
  expect(() => store.relativePath('../x', 'v1')).toThrow(/model name/);
  expect(() => store.relativePath('nbeats', 'v1/../../x')).toThrow(/model version/);
  expect(() => store.resolve('../outside.onnx')).toThrow(/outside/);
  await expect(store.read('/etc/passwd')).rejects.toThrow(/outside/);
});

test('copies the shipped bootstrap once', async () => {
  const path = await store.ensureBootstrap('nbeats-x');
  expect(path).toBe('nbeats-x/nbeats-bootstrap.onnx');
  expect(Buffer.from(await store.read(path)).equals(readFileSync(BOOTSTRAP_FILE))).toBe(true);
  expect(await store.ensureBootstrap('nbeats-x')).toBe(path);
});
