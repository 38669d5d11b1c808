// allow-list.ts: the reviewed lists reject entries without a reason and unknown keys, clearly.
import { matchesExpectedInvalid, parseAllowList, parseAllowListText, parseExpectedInvalid } from './allow-list';

test('a valid allow-list parses', () => {
  const list = [{ path: 'Order.quantity', type: 'FIELD_REMOVED', reason: 'replaced by qty; no client uses it' }];
  expect(parseAllowList(list)).toEqual(list);
  expect(parseAllowListText('[]')).toEqual([]);
});

test('entries without a reason (missing or empty) are rejected', () => {
  expect(() => parseAllowList([{ path: 'Order.quantity', type: 'FIELD_REMOVED' }])).toThrow(/entry 0: 'reason' is required/);
  expect(() => parseAllowList([{ path: 'Order.quantity', type: 'FIELD_REMOVED', reason: '  ' }])).toThrow(/'reason' is required/);
});

test('unknown keys, missing path/type and a non-array are rejected with a clear message', () => {
  expect(() => parseAllowList([{ path: 'A.b', type: 'FIELD_REMOVED', reason: 'r', approvedBy: 'me' }])).toThrow(/unknown key 'approvedBy' \(allowed: path, type, reason\)/);
  expect(() => parseAllowList([{ reason: 'r' }])).toThrow(/'path' is required[\s\S]*'type' is required/);
  expect(() => parseAllowList({ path: 'A.b' })).toThrow(/must be a JSON array/);
  expect(() => parseAllowListText('[')).toThrow(/not valid JSON/);
});

test('expected-invalid entries need file, operation and reason; matching ignores whitespace', () => {
  expect(() => parseExpectedInvalid([{ file: 'a.ts', operation: '{ x }' }])).toThrow(/'reason' is required/);
  const [entry] = parseExpectedInvalid([{ file: 'a.ts', operation: 'subscription { nothing { id } }', reason: 'refusal test' }]);
  expect(matchesExpectedInvalid(entry!, 'a.ts', 'subscription {\n  nothing { id }\n}')).toBe(true);
  expect(matchesExpectedInvalid(entry!, 'b.ts', 'subscription { nothing { id } }')).toBe(false);
});
