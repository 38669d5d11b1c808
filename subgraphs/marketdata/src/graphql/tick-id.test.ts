// Tick ids round-trip the tick exactly and reject anything else.
import type { Tick } from '@aitrader/platform';
import { decodeTickId, encodeTickId } from './tick-id';

describe('tick ids', () => {
  it('round-trip every kind of tick', () => {
    const ticks: Tick[] = [
      { kind: 'trade', symbol: 'AAPL', timestamp: '2026-11-25T10:00:00.000Z', price: 255.41, size: 100, seq: 7 },
      { kind: 'quote', symbol: 'MSFT', timestamp: '2026-11-25T10:00:00.001Z', bid: 410.1, ask: 410.12, bidSize: 300, askSize: 200 },
      { kind: 'depth', symbol: 'SPY', timestamp: '2026-11-25T10:00:00.002Z', side: 'bid', price: 600.01, size: 0 },
    ];
    for (const tick of ticks) expect(decodeTickId(encodeTickId(tick))).toEqual(tick);
  });

  it('rejects ids that are not ticks', () => {
    expect(decodeTickId('nonsense')).toBeNull();
    expect(decodeTickId(Buffer.from('{"kind":"trade"}').toString('base64url'))).toBeNull();
    expect(decodeTickId(Buffer.from(JSON.stringify({ kind: 'quote', symbol: 'AAPL', timestamp: '2026-11-25T10:00:00Z', bid: 2, ask: 1, bidSize: 1, askSize: 1 })).toString('base64url'))).toBeNull();
  });
});
