// Which failures count as an outage (retried without limit) rather than a bad message (dead-lettered).
import { DependencyUnavailableError, isTransientError } from './transient';

test('outages: marked errors, connection codes, Prisma connection errors, wrapped causes', () => {
  expect(isTransientError(new DependencyUnavailableError('accounts down'))).toBe(true);
  expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
  expect(isTransientError(Object.assign(new Error("Can't reach database server"), { code: 'P1001' }))).toBe(true);
  expect(isTransientError(Object.assign(new Error('init'), { name: 'PrismaClientInitializationError' }))).toBe(true);
  expect(isTransientError(new Error('Connection is closed.'))).toBe(true);
  expect(isTransientError(new Error('wrapped', { cause: new TypeError('fetch failed') }))).toBe(true);
  expect(isTransientError(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(true);
});

test('bad messages and bugs are not outages', () => {
  expect(isTransientError(new Error('UNKNOWN_ACCOUNT: account x does not exist'))).toBe(false);
  expect(isTransientError(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }))).toBe(false);
  expect(isTransientError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
  expect(isTransientError(undefined)).toBe(false);
});
