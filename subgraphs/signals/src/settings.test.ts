// The signals service's settings: SIGNALS_BOOK_DEPTH, levels per book side summed for the imbalance detector.
import { loadConfig, parseSettings } from '@aitrader/platform';
import { SignalsSettings } from './settings';

test('SIGNALS_BOOK_DEPTH: 1 to 50, default 5', () => {
  expect(parseSettings(SignalsSettings, loadConfig({})).SIGNALS_BOOK_DEPTH).toBe(5);
  expect(parseSettings(SignalsSettings, loadConfig({ SIGNALS_BOOK_DEPTH: '50' })).SIGNALS_BOOK_DEPTH).toBe(50);
  for (const bad of ['0', '51', '2.5', 'deep']) expect(() => parseSettings(SignalsSettings, loadConfig({ SIGNALS_BOOK_DEPTH: bad }))).toThrow(/SIGNALS_BOOK_DEPTH/);
});
