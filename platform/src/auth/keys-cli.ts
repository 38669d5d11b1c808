// `npm run keys -- <command>`: API keys and development JWTs from the command line, against DATABASE_URL.
//   create --scope read|trade|admin [--account ID ...] [--label TEXT]   prints the new key (shown once)
//   list                                                                 ids, labels, scopes, accounts
//   revoke ID
//   jwt --scope … [--account ID ...] [--sub NAME] [--expires SECONDS]    an HS256 JWT for AUTH_JWT_SECRET
//   ensure-local FILE   the development admin key `npm start` keeps in FILE (made once, registered again
//                       in the database on every start so a reset database still accepts it)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createDatabase } from '../db';
import { loadConfig } from '../config';
import { ApiKeyStore, parseApiKey } from './api-keys';
import { issueJwt } from './jwt';
import { isScope, type Scope } from './principal';

const USAGE = 'usage: npm run keys -- create --scope read|trade|admin [--account ID ...] [--label TEXT] | list | revoke ID | jwt --scope S [--account ID ...] [--sub NAME] [--expires SECONDS] | ensure-local FILE';

export interface KeyArgs {
  command: string;
  positional: string[];
  scope?: Scope;
  accounts: string[];
  label?: string;
  sub?: string;
  expires?: number;
}

export function parseKeyArgs(argv: readonly string[]): KeyArgs {
  const [command, ...rest] = argv;
  if (!command || !['create', 'list', 'revoke', 'jwt', 'ensure-local'].includes(command)) throw new Error(USAGE);
  const out: KeyArgs = { command, positional: [], accounts: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--scope') {
      const s = value();
      if (!isScope(s)) throw new Error(`--scope must be read, trade or admin, got ${s}`);
      out.scope = s;
    } else if (arg === '--account') out.accounts.push(value());
    else if (arg === '--label') out.label = value();
    else if (arg === '--sub') out.sub = value();
    else if (arg === '--expires') out.expires = Number(value());
    else if (arg.startsWith('--')) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    else out.positional.push(arg);
  }
  if ((command === 'create' || command === 'jwt') && !out.scope) throw new Error(`${command} needs --scope\n${USAGE}`);
  if ((command === 'revoke' || command === 'ensure-local') && out.positional.length !== 1) throw new Error(USAGE);
  return out;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: KeyArgs;
  try {
    args = parseKeyArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  if (args.command === 'jwt') {
    if (!config.AUTH_JWT_SECRET) {
      process.stderr.write('jwt needs AUTH_JWT_SECRET (the gateway must be configured with the same)\n');
      return 2;
    }
    const token = await issueJwt(config.AUTH_JWT_SECRET, { sub: args.sub ?? 'cli', scopes: [args.scope!], accounts: args.accounts.length ? args.accounts : undefined, expiresInSeconds: args.expires });
    process.stdout.write(`${token}\n`);
    return 0;
  }
  const prisma = createDatabase(config.DATABASE_URL);
  const keys = new ApiKeyStore(prisma);
  try {
    if (args.command === 'create') {
      const { token, record } = await keys.create({ label: args.label ?? `${args.scope} key`, scopes: [args.scope!], accounts: args.accounts });
      process.stdout.write(`${token}\n`);
      process.stderr.write(`key ${record.id}: ${record.scopes.join(',')} on ${record.accounts.length ? record.accounts.join(', ') : 'every account'} — shown once, keep it\n`);
    } else if (args.command === 'list') {
      for (const k of await keys.list()) {
        process.stdout.write(`${k.id}\t${k.scopes.join(',')}\t${k.accounts.join(',') || '*'}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}\t${k.label}\n`);
      }
    } else if (args.command === 'revoke') {
      if (!(await keys.revoke(args.positional[0]!))) {
        process.stderr.write(`no active key ${args.positional[0]}\n`);
        return 1;
      }
    } else {
      const file = args.positional[0]!;
      const local = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
      const existing = typeof local.adminKey === 'string' ? parseApiKey(local.adminKey) : null;
      const { token } = await keys.create({ label: 'local development admin (npm start)', scopes: ['admin'], accounts: [], ...(existing ? { parts: existing } : {}) });
      writeFileSync(file, JSON.stringify({ ...local, adminKey: token }, null, 2), { mode: 0o600 });
      process.stdout.write(`${token}\n`);
    }
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) main(process.argv.slice(2)).then((code) => process.exit(code), (err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
