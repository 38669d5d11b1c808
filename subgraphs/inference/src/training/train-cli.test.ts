// `npm run train` arguments.
import { parseArgs } from './train-cli';

test('parses flags, with values as separate arguments or after "="', () => {
  expect(parseArgs(['--epochs', '5', '--seed=7', '--symbols', 'AAPL, MSFT', '--interval', '1s', '--promote', '--name', 'nbeats'])).toEqual({
    epochs: 5, seed: 7, symbols: ['AAPL', 'MSFT'], interval: '1s', promote: true, name: 'nbeats',
  });
  expect(parseArgs([])).toEqual({});
});

test('unknown flags and --help print the usage', () => {
  expect(() => parseArgs(['--epoch', '3'])).toThrow(/unknown argument --epoch\nusage: npm run train/);
  expect(() => parseArgs(['--help'])).toThrow(/^usage: /);
});
