// Model artifacts on disk: MODELS_DIR (default <repo>/models/artifacts, git-ignored) holds one
// `<name>/<version>.onnx` per registered version. Registry rows store that path relative to MODELS_DIR,
// so the runners, the worker and the CLI find the same file wherever the folder is mounted.
// The shipped bootstrap model (models/nbeats/nbeats-bootstrap.onnx, committed) is copied in on first use.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BOOTSTRAP_FILE, BOOTSTRAP_VERSION } from '@aitrader/models/nbeats/bootstrap';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const DEFAULT_MODELS_DIR = join(REPO_ROOT, 'models', 'artifacts');
export { BOOTSTRAP_FILE, BOOTSTRAP_VERSION };

/** Model names and versions become file names: letters, digits, ".", "_" and "-" only, no leading dot. */
const SAFE_NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;

export class ArtifactPathError extends Error {
  readonly code = 'BAD_ARTIFACT_PATH';
}

export function assertSafeName(value: string, what: string): void {
  if (!SAFE_NAME.test(value)) throw new ArtifactPathError(`${what} ${JSON.stringify(value)} must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
}

export class ArtifactStore {
  readonly dir: string;

  constructor(dir: string | undefined) {
    this.dir = resolve(dir ?? DEFAULT_MODELS_DIR);
  }

  /** `<name>/<version>.onnx`, the path a registry row stores. */
  relativePath(name: string, version: string): string {
    assertSafeName(name, 'model name');
    assertSafeName(version, 'model version');
    return `${name}/${version}.onnx`;
  }

  /** The absolute file of a stored relative path; refuses paths that leave MODELS_DIR. */
  resolve(path: string): string {
    const full = isAbsolute(path) ? path : resolve(this.dir, path);
    const rel = relative(this.dir, full);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) throw new ArtifactPathError(`artifact path ${path} is outside ${this.dir}`);
    return full;
  }

  async read(path: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.resolve(path)));
  }

  exists(path: string): boolean {
    return existsSync(this.resolve(path));
  }

  /** Writes `<name>/<version>.onnx` through a temporary file and a rename: readers never see half a model. */
  async write(name: string, version: string, bytes: Uint8Array): Promise<string> {
    const path = this.relativePath(name, version);
    const full = this.resolve(path);
    await mkdir(dirname(full), { recursive: true });
    const tmp = `${full}.tmp-${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, bytes);
    await rename(tmp, full);
    return path;
  }

  /**
   * Like write, but never replaces an existing file (hard link of a complete temporary file, which fails
   * when the name is taken): the way a training run claims a version name. Returns null when it exists.
   */
  async writeNew(name: string, version: string, bytes: Uint8Array): Promise<string | null> {
    const path = this.relativePath(name, version);
    const full = this.resolve(path);
    await mkdir(dirname(full), { recursive: true });
    const tmp = `${full}.tmp-${randomBytes(4).toString('hex')}`;
    await writeFile(tmp, bytes);
    try {
      await link(tmp, full);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw err;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }

  async remove(path: string): Promise<void> {
    await rm(this.resolve(path), { force: true });
  }

  /** Copies the shipped bootstrap model to `<name>/nbeats-bootstrap.onnx` unless it is there; returns that path. */
  async ensureBootstrap(name: string): Promise<string> {
    const path = this.relativePath(name, BOOTSTRAP_VERSION);
    const full = this.resolve(path);
    if (!existsSync(full)) {
      await mkdir(dirname(full), { recursive: true });
      const tmp = `${full}.tmp-${randomBytes(4).toString('hex')}`;
      await copyFile(BOOTSTRAP_FILE, tmp);
      await rename(tmp, full); // two replicas copying at once both rename the same bytes into place
    }
    return path;
  }
}
