// Maps errors thrown by the napi-rs binding ("<CODE>: <text>", N-API status InvalidArg) to
// NativeInputError with the same code and message the TypeScript reference throws.

import { NATIVE_INPUT_ERROR_CODES, NativeInputError, type NativeInputErrorCode } from './reference/errors';

const CODE_PREFIX = new RegExp(`^(${NATIVE_INPUT_ERROR_CODES.join('|')}): ([\\s\\S]*)$`);

/** Re-throws a binding input error as NativeInputError; anything else passes through. */
export function translateNativeError(err: unknown): never {
  // Duck-typed: under jest the addon's Error comes from another realm, so `instanceof Error` fails.
  const raw: unknown = typeof err === 'object' && err !== null ? (err as { message?: unknown }).message : err;
  const message = typeof raw === 'string' ? raw : undefined;
  const match = message === undefined ? null : CODE_PREFIX.exec(message);
  if (match) throw new NativeInputError(match[1] as NativeInputErrorCode, match[2]!);
  throw err;
}

/** Calls into the native binding, translating its input errors. */
export function callNative<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    return translateNativeError(err);
  }
}
