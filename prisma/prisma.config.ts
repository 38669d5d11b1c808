// Prisma 7 CLI configuration for the @aitrader/prisma workspace: where the schema and migrations live
// and which database the migrate commands talk to (env DATABASE_URL). Found by the CLI when run from prisma/.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: {
    path: path.join(__dirname, 'migrations'),
  },
  datasource: {
    // Only `prisma migrate`/`db` commands need it; `prisma generate` works without DATABASE_URL.
    url: process.env['DATABASE_URL'],
  },
});
