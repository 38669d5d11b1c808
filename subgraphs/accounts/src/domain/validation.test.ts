// Edge validation: deposits, starting cash and fills, each refused with a typed AccountDomainError.
import Decimal from 'decimal.js';
import { AccountDomainError } from './errors';
import { validateDeposit, validateFill, validateStartingCash, type FillLike } from './validation';

const refusal = (run: () => unknown): AccountDomainError => {
  try {
    run();
  } catch (err) {
    if (err instanceof AccountDomainError) return err;
    throw err;
  }
  throw new Error('expected an AccountDomainError');
};

describe('validateDeposit', () => {
  test.each([
    ['100.25', '100.25'],
    [0.1, '0.1'],
    [new Decimal('0.0000000001'), '0.0000000001'],
    ['1e12', '1000000000000'],
    ['+7', '7'],
  ] as const)('accepts %p as %s', (input, expected) => {
    expect(validateDeposit(input).toString()).toBe(expected);
  });

  test.each([
    [0, /greater than zero/],
    ['-5', /greater than zero/],
    [Number.NaN, /finite/],
    [Number.POSITIVE_INFINITY, /finite/],
    ['Infinity', /finite/],
    ['', /finite/],
    ['abc', /finite/],
    ['0x10', /finite/], // decimal.js alone would read this as 16
    [' 12', /finite/],
    [new Decimal(Number.NaN), /finite/],
    ['1.00000000001', /10 decimal places/],
    ['1000000000000.0000000001', /at most 1000000000000/],
    [null, /finite/],
    [{}, /finite/],
  ])('refuses %p', (input, message) => {
    const err = refusal(() => validateDeposit(input as Decimal.Value));
    expect(err.code).toBe('INVALID_AMOUNT');
    expect(err.field).toBe('amount');
    expect(err.message).toMatch(message);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('AccountDomainError');
  });
});

describe('validateStartingCash', () => {
  test('accepts zero and the maximum', () => {
    expect(validateStartingCash(0).toString()).toBe('0');
    expect(validateStartingCash('-0').isNegative()).toBe(false);
    expect(validateStartingCash(1e12).toString()).toBe('1000000000000');
  });

  test.each([['-0.01'], [Number.NaN], ['1e13'], ['0.12345678901']])('refuses %p', (input) => {
    expect(refusal(() => validateStartingCash(input)).code).toBe('INVALID_AMOUNT');
  });
});

describe('validateFill', () => {
  const wire = {
    tradeId: 't-1',
    orderId: 'o-1',
    clientOrderId: 'c-1',
    accountId: 'acc',
    symbol: 'AAPL',
    side: 'BUY',
    quantity: 10,
    price: 187.25,
    fee: 0,
    timestamp: '2025-09-27T10:00:00Z',
  };

  test('takes the wire Fill (numbers, extra fields) and returns domain Decimals', () => {
    const fill = validateFill(wire);
    expect([fill.side, fill.quantity.toString(), fill.price.toString(), fill.fee.toString()]).toEqual(['BUY', '10', '187.25', '0']);
  });

  test.each<[Partial<FillLike>, string]>([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: -1 }, 'quantity'],
    [{ quantity: Number.NaN }, 'quantity'],
    [{ quantity: 1e14 }, 'quantity'],
    [{ price: 0 }, 'price'],
    [{ price: Number.POSITIVE_INFINITY }, 'price'],
    [{ price: 0.1 + 0.2 }, 'price'], // 0.30000000000000004: would not survive DECIMAL(24,10) exactly
    [{ fee: -0.01 }, 'fee'],
    [{ side: 'buy' }, 'side'],
    [{ side: 'HOLD' }, 'side'],
  ])('refuses %p (field %s)', (change, field) => {
    const err = refusal(() => validateFill({ ...wire, ...change }));
    expect(err.code).toBe('INVALID_FILL');
    expect(err.field).toBe(field);
  });
});
