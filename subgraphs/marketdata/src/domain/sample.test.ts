// The committed data/sample-ticks.ndjson must be exactly what make-sample generates (so it never goes
// stale), must stay small, and must read back through the NDJSON parser as the same ticks.
import { readFileSync } from 'node:fs';
import { isKnownSymbol } from './instruments';
import { SAMPLE_OPTIONS, SAMPLE_PATH, renderSample } from './make-sample';
import { parseTickFile } from './parse';
import { generateTicks } from './synthetic';

const committed = readFileSync(SAMPLE_PATH, 'utf8');

test('the committed sample equals a fresh generation (re-run make-sample.ts after changing the generator)', () => {
  const fresh = renderSample();
  expect(committed.length).toBe(fresh.length);
  expect(committed === fresh).toBe(true); // not toEqual: a 2.5 MB diff helps nobody
});

test('the sample stays under 3 MB', () => {
  expect(Buffer.byteLength(committed)).toBeLessThan(3_000_000);
});

test('the sample parses back, as NDJSON, into exactly the generated ticks', () => {
  const parsed = parseTickFile(committed, 'ndjson', { isKnownSymbol });
  expect(parsed.rejected).toEqual([]);
  expect(parsed.ticks).toEqual(generateTicks(SAMPLE_OPTIONS));
});
