// Bounded integer arguments (page sizes, depths) are refused outside their range, never clamped.
import { GraphQLError } from 'graphql';
import { boundedCount } from './pagination';

test('the fallback when absent; the value when in 1..max', () => {
  expect(boundedCount(undefined, 'first', 50, 500)).toBe(50);
  expect(boundedCount(null, 'first', 50, 500)).toBe(50);
  expect(boundedCount(1, 'first', 50, 500)).toBe(1);
  expect(boundedCount(500, 'first', 50, 500)).toBe(500);
});

test.each([0, -1, 501, 2.5, Number.NaN])('%p is refused with BAD_USER_INPUT naming the argument and range', (value) => {
  let error: unknown;
  try {
    boundedCount(value, 'depth', 10, 500);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  expect((error as GraphQLError).message).toBe('depth must be an integer in 1..500');
});
