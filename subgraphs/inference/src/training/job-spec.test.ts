// Training job payloads: defaults, limits, and errors that name the field.
import { parseTrainPayload } from './job-spec';

test('fills the defaults', () => {
  expect(parseTrainPayload({ name: 'nbeats' })).toEqual({
    ok: true,
    payload: { name: 'nbeats', symbols: [], interval: '1m', epochs: 20, seed: 1, promote: false },
  });
});

test.each([
  [{ epochs: 0 }, 'epochs'],
  [{ epochs: 201 }, 'epochs'],
  [{ epochs: 2.5 }, 'epochs'],
  [{ seed: -1 }, 'seed'],
  [{ symbols: ['AAPL', 'bad'] }, 'symbols.1'],
  [{ symbols: ['AAPL', 'AAPL'] }, 'symbols'],
  [{ interval: '2m' }, 'interval'],
  [{ promote: 'yes' }, 'promote'],
  [{ name: '../etc' }, 'name'],
])('refuses %j naming %s', (input, field) => {
  const result = parseTrainPayload({ name: 'nbeats', ...input });
  expect(result).toMatchObject({ ok: false, field });
});
