// `npm run migrate --workspace prisma`: creates the database named by env DATABASE_URL if needed and
// applies pending prisma/migrations offline (see migrate.ts), printing what it did.
// `-- --rolled-back <name>` marks a failed migration rolled back (offline `prisma migrate resolve`).
import { applyMigrations, ensureDatabase, markMigrationRolledBack, MigrationError, redact } from './migrate';

async function main(argv: string[]): Promise<number> {
  // Same local default as the platform config (@aitrader/platform depends on this package, not back).
  const databaseUrl = process.env['DATABASE_URL'] || 'postgresql://postgres:postgres@127.0.0.1:5432/aitrader';

  const rolledBackIndex = argv.indexOf('--rolled-back');
  if (rolledBackIndex !== -1) {
    const migrationName = argv[rolledBackIndex + 1];
    if (!migrationName) {
      console.error('usage: migrate --rolled-back <migration_name>');
      return 2;
    }
    const count = await markMigrationRolledBack({ databaseUrl, migrationName });
    console.log(`Marked ${migrationName} as rolled back (${count} record(s)).`);
    return 0;
  }

  const { created, database } = await ensureDatabase(databaseUrl);
  console.log(created ? `Created database ${database}.` : `Database ${database} exists.`);
  console.log(`Migrating ${redact(databaseUrl)}`);
  const result = await applyMigrations({ databaseUrl, log: (line) => console.log(`  ${line}`) });
  if (result.applied.length > 0) {
    console.log(`Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`);
  } else {
    console.log('Database is up to date; nothing applied.');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof MigrationError) {
      console.error(`Migration refused [${error.code}]: ${error.message}`);
    } else {
      console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    }
    process.exit(1);
  },
);
