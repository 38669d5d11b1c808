// Database access for services: one Prisma client per process (engine-free client with the pg driver
// adapter), created lazily so a service starts even while PostgreSQL is still coming up.
import { createPrismaClient, type PrismaClient } from '@aitrader/prisma';

export type { PrismaClient };

export function createDatabase(databaseUrl: string): PrismaClient {
  return createPrismaClient(databaseUrl);
}

export async function pingDatabase(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}

/**
 * Runs an upsert, once more if it lost a race: Prisma's upsert reads then inserts, so two processes
 * creating the same row at once make one fail with P2002; the retry then finds the row and updates it.
 */
export async function upsertWithRetry<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    return upsert();
  }
}
