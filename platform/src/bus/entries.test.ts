// Decoding of ioredis stream replies.
import { decodeEntries, decodeReadReply } from './entries';

test('stream replies decode to entries; deleted pending entries have null fields', () => {
  expect(decodeReadReply(null)).toEqual([]);
  expect(decodeReadReply([['s', [['1-0', ['data', '{}', 'x', 'y']], ['2-0', null]]]])).toEqual([
    { id: '1-0', fields: { data: '{}', x: 'y' } },
    { id: '2-0', fields: null },
  ]);
  expect(decodeEntries(undefined)).toEqual([]);
});
