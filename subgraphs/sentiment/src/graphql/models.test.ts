// The aggregate id that sentimentById (and the gateway's subscription bridge) resolves, and the
// GraphQL ↔ domain window names.
import { decodeSentimentId, encodeSentimentId, graphqlWindow, windowOf } from './models';

test('an aggregate id round-trips (symbol, window, asOf) and asOf is normalised to ISO', () => {
  const id = encodeSentimentId({ symbol: 'AAPL', window: '15m', asOf: '2025-09-26T13:30:00+02:00' });
  expect(decodeSentimentId(id)).toEqual({ symbol: 'AAPL', window: '15m', asOf: new Date('2025-09-26T11:30:00.000Z') });
  expect(encodeSentimentId({ symbol: 'AAPL', window: '15m', asOf: new Date('2025-09-26T11:30:00Z') })).toBe(id);
});

test('anything else is not an id', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  for (const id of ['', 'nope', b64(['AAPL', '2h', '2025-01-01T00:00:00Z']), b64(['', '1h', '2025-01-01T00:00:00Z']), b64(['AAPL', '1h', 'soon']), b64({ symbol: 'AAPL' }), b64(['AAPL', '1h'])]) {
    expect(decodeSentimentId(id)).toBeNull();
  }
});

test('windows map both ways, H1 by default', () => {
  expect([windowOf('M15'), windowOf('H1'), windowOf('D1'), windowOf(undefined), windowOf(null)]).toEqual(['15m', '1h', '1d', '1h', '1h']);
  expect([graphqlWindow('15m'), graphqlWindow('1h'), graphqlWindow('1d')]).toEqual(['M15', 'H1', 'D1']);
});
