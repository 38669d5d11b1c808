// Public entry of @aitrader/prisma: the offline migration runner and a factory for the generated,
// engine-free Prisma Client (driver adapter @prisma/adapter-pg), plus the generated types and enums.
// The client lives in prisma/generated: run `npm run generate --workspace prisma` first.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client';

export {
  applyMigrations,
  computeChecksum,
  ensureDatabase,
  loadLocalMigrations,
  markMigrationRolledBack,
  MigrationError,
  planMigrations,
  scriptMatchesChecksum,
  DEFAULT_MIGRATIONS_DIR,
  MIGRATIONS_TABLE,
  PRISMA_ADVISORY_LOCK_KEY,
} from './migrate';
export type {
  ApplyMigrationsOptions,
  ApplyMigrationsResult,
  LocalMigration,
  MigrationErrorCode,
  MigrationPlan,
  MigrationRecord,
} from './migrate';

export * from '../generated/client';

/**
 * A Prisma Client talking to `connectionString` through node-postgres. A `?schema=` parameter in the
 * URL selects the PostgreSQL schema as Prisma does. Call `$disconnect()` when done.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  const url = new URL(connectionString);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  const adapter = new PrismaPg({ connectionString: url.toString() }, schema ? { schema } : undefined);
  return new PrismaClient({ adapter });
}
