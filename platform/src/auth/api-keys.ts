// API keys: `ait_<id>_<secret>`, the id public (it names the key in lists and logs), the secret 32
// random bytes shown once and stored only as its SHA-256 hash (api_keys table). Verification looks the
// id up and compares hashes in constant time; answers are cached for a few seconds per process, so a
// revoked key stops working everywhere within that time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@aitrader/prisma';
import { expandScopes, isScope, type Principal, type Scope } from './principal';

const KEY = /^ait_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  id: string;
  secret: string;
}

export function formatApiKey({ id, secret }: ApiKeyParts): string {
  return `ait_${id}_${secret}`;
}

export function parseApiKey(token: string): ApiKeyParts | null {
  const m = KEY.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new key's parts from `random` (crypto by default; a test passes its own bytes). */
export function newApiKeyParts(random: (n: number) => Buffer = randomBytes): ApiKeyParts {
  const id = [...random(12)].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  return { id, secret: random(32).toString('base64url') };
}

export interface ApiKeyRecord {
  id: string;
  label: string;
  scopes: Scope[];
  accounts: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

const CACHE_MS = 5_000;

export class ApiKeyStore {
  private readonly cache = new Map<string, { at: number; row: { secretHash: string; scopes: string[]; accounts: string[]; revokedAt: Date | null } | null }>();

  constructor(private readonly prisma: PrismaClient, private readonly now: () => number = Date.now) {}

  /** Stores a new key and returns it in full: the only time its secret exists outside the caller. */
  async create(input: { label: string; scopes: Scope[]; accounts: string[]; parts?: ApiKeyParts }): Promise<{ token: string; record: ApiKeyRecord }> {
    const parts = input.parts ?? newApiKeyParts();
    const row = await this.prisma.apiKey.upsert({
      where: { id: parts.id },
      create: { id: parts.id, secretHash: hashSecret(parts.secret), label: input.label, scopes: input.scopes, accounts: input.accounts },
      update: { secretHash: hashSecret(parts.secret), label: input.label, scopes: input.scopes, accounts: input.accounts, revokedAt: null },
    });
    this.cache.delete(parts.id);
    return { token: formatApiKey(parts), record: toRecord(row) };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } })).map(toRecord);
  }

  async revoke(id: string): Promise<boolean> {
    const { count } = await this.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(this.now()) } });
    this.cache.delete(id);
    return count > 0;
  }

  async countActive(): Promise<number> {
    return this.prisma.apiKey.count({ where: { revokedAt: null } });
  }

  /** The principal of a valid, unrevoked key; null for anything else. */
  async verify(token: string): Promise<Principal | null> {
    const parts = parseApiKey(token);
    if (!parts) return null;
    const row = await this.row(parts.id);
    if (!row || row.revokedAt) return null;
    const given = Buffer.from(hashSecret(parts.secret), 'hex');
    const stored = Buffer.from(row.secretHash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
    const scopes = row.scopes.filter(isScope);
    return { id: `key:${parts.id}`, kind: 'api-key', scopes: expandScopes(scopes), accounts: row.accounts.length === 0 ? '*' : row.accounts };
  }

  private async row(id: string) {
    const hit = this.cache.get(id);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.row;
    const row = await this.prisma.apiKey.findUnique({ where: { id }, select: { secretHash: true, scopes: true, accounts: true, revokedAt: true } });
    this.cache.set(id, { at: this.now(), row });
    return row;
  }
}

function toRecord(row: { id: string; label: string; scopes: string[]; accounts: string[]; createdAt: Date; revokedAt: Date | null }): ApiKeyRecord {
  return { id: row.id, label: row.label, scopes: row.scopes.filter(isScope), accounts: row.accounts, createdAt: row.createdAt, revokedAt: row.revokedAt };
}
