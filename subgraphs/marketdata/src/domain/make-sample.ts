// Writes the bundled synthetic sample, data/sample-ticks.ndjson (seed 42, five symbols, 30 minutes from
// the 2025-09-26 US open). Run: npx tsx subgraphs/marketdata/src/domain/make-sample.ts
// A unit test regenerates it in memory and compares, so a generator change that alters it fails until
// this script is re-run and the new file committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTicks, type GenerateTicksOptions } from './synthetic';

export const SAMPLE_OPTIONS: GenerateTicksOptions = Object.freeze({
  seed: 42,
  symbols: Object.freeze(['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY']),
  start: '2025-09-26T13:30:00Z',
  durationMs: 30 * 60_000,
});

export const SAMPLE_PATH = join(__dirname, '../../data/sample-ticks.ndjson');

/** One Tick per line, exactly as the ticks stream would carry it (kind, seq and all). */
export function renderSample(): string {
  return generateTicks(SAMPLE_OPTIONS)
    .map((tick) => JSON.stringify(tick))
    .join('\n')
    .concat('\n');
}

if (require.main === module) {
  const text = renderSample();
  writeFileSync(SAMPLE_PATH, text);
  console.log(`wrote ${SAMPLE_PATH}: ${text.split('\n').length - 1} ticks, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`);
}
