// Property tests for decide(): invariants that must hold for any inputs the service can pass.
import fc from 'fast-check';
import { DEFAULT_STRATEGY_CONFIG, loadStrategyConfig } from './config';
import { decide, type DecideInput } from './decide';

const unit = fc.double({ min: -1, max: 1, noNaN: true });
const price = fc.double({ min: 0.01, max: 10_000, noNaN: true });
const inputs: fc.Arbitrary<DecideInput> = fc.record({
  signal: fc.record({ symbol: fc.constantFrom('AAPL', 'MSFT'), score: unit, timestamp: fc.constant('2024-01-02T00:00:00Z') }),
  indicators: fc.option(
    fc.record({
      sma20: fc.option(price),
      rsi14: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      atr14: fc.option(fc.double({ min: 0, max: 50, noNaN: true })),
      history: fc.array(price, { maxLength: 5 }),
    }),
  ),
  forecast: fc.option(fc.record({ forecast: fc.array(price, { maxLength: 3 }), confidence: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }) })),
  sentiment: fc.option(unit),
  config: fc.constantFrom(DEFAULT_STRATEGY_CONFIG, loadStrategyConfig({ forecastRule: 'seed' })),
});

describe('decide properties', () => {
  it('action, quantity and score agree with the thresholds and caps', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const d = decide(input);
        const c = d.contributions;
        const config = input.config;
        expect(d.combinedScore).toBe(c.signal + c.forecast + c.sentiment + c.rsi);
        if (Math.abs(input.signal.score) < config.minSignalScore) expect(d.action).toBe('SKIP');
        else if (d.combinedScore > config.buyThreshold) expect(d.action).toBe('BUY');
        else if (d.combinedScore < config.sellThreshold) expect(d.action).toBe('SELL');
        else expect(d.action).toBe('HOLD');
        if (d.action === 'BUY' || d.action === 'SELL') {
          expect(Number.isInteger(d.quantity)).toBe(true);
          expect(d.quantity).toBeGreaterThanOrEqual(config.sizing.minPosition);
          expect(d.quantity).toBeLessThanOrEqual(config.sizing.maxPosition);
        } else {
          expect(d.quantity).toBe(0);
        }
        expect(d.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a missing source contributes exactly nothing', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const d = decide({ ...input, forecast: null, sentiment: null });
        expect(d.contributions.forecast).toBe(0);
        expect(d.contributions.sentiment).toBe(0);
        expect(d.sources.forecast).toBe('unavailable');
        expect(d.sources.sentiment).toBe('unavailable');
      }),
    );
  });
});
