// The reference's number formatting: `fixed` must round exactly like the Rust `fixed`
// (same cases as native/core/src/numfmt.rs), since signal reasons are compared byte for byte.

import { fixed, jsNumber } from './numfmt';

it.each<[number, number, string]>([
  [1.234, 2, '1.23'],
  [1.235, 2, '1.24'],
  [-1.5, 0, '-1'],
  [-0.001, 2, '0.00'],
  [-0.006, 2, '-0.01'],
  [42, 0, '42'],
  [0.5, 3, '0.500'],
  [1e300, 2, '1e+300'],
  [Infinity, 2, 'Infinity'],
  [NaN, 2, 'NaN'],
])('fixed(%p, %p) = %p', (x, decimals, expected) => {
  expect(fixed(x, decimals)).toBe(expected);
});

it('jsNumber is JavaScript number formatting (what the Rust js_number reproduces)', () => {
  expect([0.1 + 0.2, 1e21, 1.5e-7, -0, 8.64e15].map(jsNumber)).toEqual([
    '0.30000000000000004',
    '1e+21',
    '1.5e-7',
    '0',
    '8640000000000000',
  ]);
});
