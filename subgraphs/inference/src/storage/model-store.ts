// The model registry in PostgreSQL (model_versions): versions of a model name with their artifact path,
// metrics and lifecycle state. Promotion runs the domain's rule (promoteVersion: READY → PROMOTED, the
// previous PROMOTED → RETIRED) in one transaction under a per-name advisory lock, so concurrent promotions
// and replicas registering the bootstrap at the same start never leave two promoted versions.
// A version is only ever inserted READY (after its artifact is written): there are no half-registered rows.
import type { PrismaClient } from '@aitrader/prisma';
import { nextVersionName, promoteVersion, transition, type VersionState } from '../domain';
import type { StoredModelMetrics } from './model-metrics';

export interface ModelVersionRow {
  id: string;
  name: string;
  version: string;
  kind: string;
  path: string;
  metrics: unknown;
  status: 'TRAINING' | 'READY' | 'PROMOTED' | 'RETIRED';
  createdAt: Date;
  promotedAt: Date | null;
}

export type PromoteCode = 'NOT_FOUND' | 'NOT_READY';
export type PromoteResult =
  | { ok: true; row: ModelVersionRow; retired: string[]; changed: boolean }
  | { ok: false; code: PromoteCode; message: string };

/** Thrown when a version name is taken (unique (name, version)). */
export class VersionExistsError extends Error {
  readonly code = 'VERSION_EXISTS';
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export class ModelStore {
  constructor(private readonly prisma: PrismaClient) {}

  async list(name?: string | null): Promise<ModelVersionRow[]> {
    return this.prisma.modelVersion.findMany({ where: name ? { name } : {}, orderBy: [{ createdAt: 'desc' }, { version: 'desc' }] });
  }

  async get(name: string, version: string): Promise<ModelVersionRow | null> {
    return this.prisma.modelVersion.findUnique({ where: { name_version: { name, version } } });
  }

  async promoted(name: string): Promise<ModelVersionRow | null> {
    return this.prisma.modelVersion.findFirst({ where: { name, status: 'PROMOTED' }, orderBy: { promotedAt: 'desc' } });
  }

  /** The next free `<prefix>-vN` for this name, skipping `taken` too (a racing registration is caught by the unique key). */
  async nextVersion(name: string, taken: readonly string[] = [], prefix = 'nbeats'): Promise<string> {
    const rows = await this.prisma.modelVersion.findMany({ where: { name }, select: { version: true } });
    return nextVersionName([...rows.map((r) => r.version), ...taken], prefix);
  }

  /** Inserts a READY version; promote: true also promotes it in the same transaction. */
  async register(v: { name: string; version: string; path: string; metrics: StoredModelMetrics; promote?: boolean }): Promise<{ row: ModelVersionRow; retired: string[] }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await lockName(tx, v.name);
        const created = await tx.modelVersion.create({ data: { name: v.name, version: v.version, kind: 'nbeats', path: v.path, metrics: v.metrics as object, status: 'READY' } });
        if (!v.promote) return { row: created, retired: [] };
        const promoted = await promoteLocked(tx, v.name, v.version);
        if (!promoted.ok) throw new Error(promoted.message);
        return { row: promoted.row, retired: promoted.retired };
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') throw new VersionExistsError(`${v.name} ${v.version} is already registered`);
      throw err;
    }
  }

  /**
   * Promotes a version. READY versions are promoted; a RETIRED one is restored first (the rollback path);
   * promoting the version that is already promoted changes nothing (changed: false).
   */
  async promote(name: string, version: string): Promise<PromoteResult> {
    return this.prisma.$transaction(async (tx) => {
      await lockName(tx, name);
      return promoteLocked(tx, name, version);
    });
  }

  /**
   * Makes sure `name` has a promoted version: when none is, registers the bootstrap (if missing) and
   * promotes it. Safe when several replicas start at once (advisory lock, then re-check).
   */
  async ensurePromoted(name: string, bootstrap: { version: string; path: string; metrics: StoredModelMetrics }): Promise<ModelVersionRow> {
    const current = await this.promoted(name);
    if (current) return current;
    return this.prisma.$transaction(async (tx) => {
      await lockName(tx, name);
      const again = await tx.modelVersion.findFirst({ where: { name, status: 'PROMOTED' } });
      if (again) return again;
      await tx.modelVersion.upsert({
        where: { name_version: { name, version: bootstrap.version } },
        create: { name, version: bootstrap.version, kind: 'nbeats', path: bootstrap.path, metrics: bootstrap.metrics as object, status: 'READY' },
        update: {},
      });
      const promoted = await promoteLocked(tx, name, bootstrap.version);
      if (!promoted.ok) throw new Error(`could not promote the bootstrap model: ${promoted.message}`);
      return promoted.row;
    });
  }
}

/** Serialises registry changes of one model name across processes until the transaction ends. */
async function lockName(tx: Tx, name: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`model_versions:${name}`}))`;
}

async function promoteLocked(tx: Tx, name: string, version: string): Promise<PromoteResult> {
  const rows = await tx.modelVersion.findMany({ where: { name }, select: { version: true, status: true } });
  const target = rows.find((r) => r.version === version);
  if (!target) return { ok: false, code: 'NOT_FOUND', message: `model ${name} has no version ${version}` };
  const others = rows.filter((r) => r.status === 'PROMOTED' && r.version !== version);
  if (target.status === 'PROMOTED' && others.length === 0) {
    const row = await tx.modelVersion.findUniqueOrThrow({ where: { name_version: { name, version } } });
    return { ok: true, row, retired: [], changed: false };
  }
  // RETIRED → READY (RESTORE) first: a retired artifact can be promoted again.
  let state: VersionState = target.status;
  if (state === 'RETIRED') {
    const restored = transition(state, 'RESTORE');
    if (restored.ok) state = restored.state;
  }
  const plan = promoteVersion(rows.map((r) => ({ name: r.version, state: r.version === version ? state : (r.status as VersionState) })), version);
  if (!plan.ok) return { ok: false, code: plan.code === 'UNKNOWN_VERSION' ? 'NOT_FOUND' : 'NOT_READY', message: plan.reason };
  const now = new Date();
  const retired: string[] = [];
  for (const change of plan.changes) {
    if (change.name === version) continue;
    await tx.modelVersion.update({ where: { name_version: { name, version: change.name } }, data: { status: 'RETIRED' } });
    retired.push(change.name);
  }
  const row = await tx.modelVersion.update({ where: { name_version: { name, version } }, data: { status: 'PROMOTED', promotedAt: now } });
  return { ok: true, row, retired, changed: true };
}
