// Chain-linking price segments into one training series: relative moves inside a segment are kept
// exactly, and there is no jump where one segment ends and the next begins.
import { chainLink } from './corpus';

test('each segment is rescaled to start where the previous one ended', () => {
  const out = Array.from(chainLink([[100, 110, 99], [500, 550], [2, 1, 4]]));
  expect(out).toHaveLength(8);
  expect(out.slice(0, 3)).toEqual([100, 110, 99]);
  expect(out[3]).toBeCloseTo(99);
  expect(out[4]! / out[3]!).toBeCloseTo(550 / 500);
  expect(out[5]).toBeCloseTo(out[4]!);
  expect(out[6]! / out[5]!).toBeCloseTo(0.5);
  expect(out[7]! / out[6]!).toBeCloseTo(4);
});

test('empty segments are skipped; one segment is returned as is', () => {
  expect(Array.from(chainLink([[], [3, 4], []]))).toEqual([3, 4]);
  expect(chainLink([])).toHaveLength(0);
});
