// NativeInputError and one constructor per error kind, producing the exact messages of the
// Rust core's `CoreError` Display (native/core/src/error.rs), so both backends throw the
// same code and text for the same bad input.

import { jsNumber } from './numfmt';

/** Stable error codes shared with the Rust core's `CoreError::code()`. */
export type NativeInputErrorCode =
  | 'INVALID_PERIOD'
  | 'INVALID_CONFIG'
  | 'EMPTY_INPUT'
  | 'NON_FINITE_VALUE'
  | 'INVALID_PRICE'
  | 'INVALID_SIZE'
  | 'INVALID_TIMESTAMP'
  | 'TIME_WENT_BACKWARDS'
  | 'LENGTH_MISMATCH'
  | 'INVALID_SYMBOL';

export const NATIVE_INPUT_ERROR_CODES: readonly NativeInputErrorCode[] = [
  'INVALID_PERIOD',
  'INVALID_CONFIG',
  'EMPTY_INPUT',
  'NON_FINITE_VALUE',
  'INVALID_PRICE',
  'INVALID_SIZE',
  'INVALID_TIMESTAMP',
  'TIME_WENT_BACKWARDS',
  'LENGTH_MISMATCH',
  'INVALID_SYMBOL',
];

/** Invalid input to the pattern core, thrown identically by both backends. */
export class NativeInputError extends Error {
  readonly code: NativeInputErrorCode;

  constructor(code: NativeInputErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'NativeInputError';
    this.code = code;
  }
}

/** " at index 3" for batch errors, "" for single-tick ones. */
function at(index: number | undefined): string {
  return index === undefined ? '' : ` at index ${index}`;
}

export function invalidPeriod(name: string, value: number, max: number): NativeInputError {
  return new NativeInputError(
    'INVALID_PERIOD',
    `${name} must be an integer in [1, ${jsNumber(max)}] (got ${jsNumber(value)})`,
  );
}

export function invalidConfig(field: string, reason: string): NativeInputError {
  return new NativeInputError('INVALID_CONFIG', `${field} ${reason}`);
}

export function emptyInput(): NativeInputError {
  return new NativeInputError('EMPTY_INPUT', 'input series is empty');
}

export function nonFiniteValue(index: number, value: number): NativeInputError {
  return new NativeInputError('NON_FINITE_VALUE', `non-finite value ${jsNumber(value)} at index ${index}`);
}

export function invalidPrice(index: number | undefined, value: number): NativeInputError {
  return new NativeInputError(
    'INVALID_PRICE',
    `price must be a finite number in (0, 1e15] (got ${jsNumber(value)})${at(index)}`,
  );
}

export function invalidSize(field: 'size' | 'bidSize' | 'askSize', index: number | undefined, value: number): NativeInputError {
  const range = field === 'size' ? '(0, 1e15]' : '[0, 1e15]';
  return new NativeInputError(
    'INVALID_SIZE',
    `${field} must be a finite number in ${range} (got ${jsNumber(value)})${at(index)}`,
  );
}

export function invalidTimestamp(index: number | undefined, value: number): NativeInputError {
  return new NativeInputError(
    'INVALID_TIMESTAMP',
    `ts must be a finite number of ms in [0, 8640000000000000] (got ${jsNumber(value)})${at(index)}`,
  );
}

export function timeBackwards(index: number | undefined, value: number, last: number): NativeInputError {
  return new NativeInputError(
    'TIME_WENT_BACKWARDS',
    `ts ${jsNumber(value)} is before the previous tick's ts ${jsNumber(last)}${at(index)}`,
  );
}

export function lengthMismatch(field: string, expected: number, actual: number): NativeInputError {
  return new NativeInputError('LENGTH_MISMATCH', `${field} has ${actual} elements but ts has ${expected}`);
}

export function invalidSymbol(): NativeInputError {
  return new NativeInputError('INVALID_SYMBOL', 'symbol must be 1-64 printable ASCII characters without spaces');
}
