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
