// Hand-computed cases reproducing the seed's enhanced_decide_and_order arithmetic, plus the
// deliberate deviations (forecast rule, unavailable inputs) and reasons.
import { loadStrategyConfig, type StrategyConfigInput } from './config';
import { decide, forecastHistory, isSignalStrongEnough, type DecideInput } from './decide';

const seedRules = loadStrategyConfig({ forecastRule: 'seed' });
const improvedRules = loadStrategyConfig({});

function input(overrides: Partial<DecideInput> & { configInput?: StrategyConfigInput } = {}): DecideInput {
  const { configInput, ...rest } = overrides;
  return {
    signal: { symbol: 'AAPL', score: 0.8, timestamp: '2024-01-02T15:30:00.000Z', id: 'sig-1' },
    indicators: { sma20: 100, rsi14: 55, atr14: 0.5, history: [99, 99.5, 100] },
    forecast: { forecast: [101], confidence: [0.6] },
    sentiment: 0.5,
    config: configInput ? loadStrategyConfig(configInput) : improvedRules,
    ...rest,
  };
}

describe('decide: seed arithmetic', () => {
  it('BUY with every input present', () => {
    // factors: signal 0.8, direction +1 (101 > last 100; also 101 > 0 under the seed rule), confidence 0.6,
    // sentiment 0.5, rsi 55 < 70 → 1.0, volatility = atr 0.5
    // combined = 0.8·0.4 + 1·0.6·0.3 + 0.5·0.2 + 1·0.1 = 0.32 + 0.18 + 0.1 + 0.1 = 0.7 (> 0.4 → BUY)
    // size = int(100 · 1/(0.5+0.1) · ((0.7 + 0.6)/2)) = int(166.67 · 0.65) = int(108.33) = 108
    for (const config of [seedRules, improvedRules]) {
      const decision = decide(input({ config }));
      expect(decision.action).toBe('BUY');
      expect(decision.side).toBe('BUY');
      expect(decision.combinedScore).toBe(0.7);
      expect(decision.quantity).toBe(108);
      expect(decision.factors).toEqual({
        signal_score: 0.8, forecast_direction: 1, forecast_confidence: 0.6, sentiment: 0.5, rsi_filter: 1, volatility: 0.5,
      });
      expect(decision.sources).toEqual({ forecast: 'model', sentiment: 'service', indicators: 'signals' });
      expect(decision.reason).toBe('BUY 108: combined 0.7 > 0.4');
    }
  });

  it('SELL when overbought, bearish forecast and negative sentiment', () => {
    // factors: signal −0.9, forecast −0.2 ≤ 0 → −1 (seed rule), confidence 0.8, sentiment −0.6,
    // rsi 75 ≥ 70 → −0.5, volatility 2.0
    // combined = −0.36 − 0.24 − 0.12 − 0.05 = −0.77 (Python prints −0.7700000000000001)
    // size = int(100 · 1/2.1 · ((0.77 + 0.8)/2)) = int(47.62 · 0.785) = int(37.38) = 37
    const decision = decide(input({
      config: seedRules,
      signal: { symbol: 'TSLA', score: -0.9, timestamp: '2024-01-02T15:30:00Z' },
      indicators: { sma20: 200, rsi14: 75, atr14: 2.0, history: [201, 200] },
      forecast: { forecast: [-0.2], confidence: [0.8] },
      sentiment: -0.6,
    }));
    expect(decision.action).toBe('SELL');
    expect(decision.combinedScore).toBe(-0.7700000000000001);
    expect(decision.quantity).toBe(37);
    expect(decision.contributions.rsi).toBe(-0.05);
    expect(decision.reason).toBe('SELL 37: combined -0.77 < -0.4');
  });

  it('technicals only: forecast and sentiment unavailable contribute 0 and the reason says so', () => {
    // seed on timeout: forecast [0.0], confidence [0.0], sentiment 0.0; indicators missing → rsi 50, atr 1.0
    // combined = 0.9·0.4 + (±1·0·0.3 = 0) + 0·0.2 + 1.0·0.1 = 0.36 + 0.1 = 0.46 (> 0.4 → BUY)
    // size = int(100 · 1/(1.0+0.1) · ((0.46 + 0)/2)) = int(90.91 · 0.23) = int(20.9) = 20
    const decision = decide(input({ signal: { symbol: 'MSFT', score: 0.9, timestamp: 't' }, indicators: null, forecast: null, sentiment: null }));
    expect(decision.action).toBe('BUY');
    expect(decision.combinedScore).toBe(0.4600000000000001);
    expect(decision.quantity).toBe(20);
    expect(decision.contributions.forecast).toBe(0);
    expect(decision.contributions.sentiment).toBe(0);
    // Deviation: the seed would record direction −1 for its [0.0] placeholder; "no view" is 0.
    expect(decision.factors.forecast_direction).toBe(0);
    expect(decision.sources).toEqual({ forecast: 'unavailable', sentiment: 'unavailable', indicators: 'unavailable' });
    expect(decision.reason).toBe(
      'BUY 20: combined 0.46 > 0.4; technicals only: forecast and sentiment unavailable; indicators unavailable: rsi 50 and volatility 1 assumed',
    );
  });

  it('HOLD inside the thresholds; |score| exactly at the minimum is not skipped', () => {
    // combined = 0.3·0.4 + 1·0·0.3 + 0·0.2 + 1·0.1 = 0.12 + 0.1 = 0.22 → within [−0.4, 0.4]
    const decision = decide(input({
      signal: { symbol: 'AAPL', score: 0.3, timestamp: 't' },
      forecast: { forecast: [101], confidence: [0] },
      sentiment: 0,
    }));
    expect(decision.action).toBe('HOLD');
    expect(decision.quantity).toBe(0);
    expect(decision.combinedScore).toBeCloseTo(0.22, 12);
    expect(decision.reason).toBe('hold: combined 0.22 within [-0.4, 0.4]');
  });

  it('SKIP weak signals but still report the factors', () => {
    const decision = decide(input({ signal: { symbol: 'AAPL', score: -0.12, timestamp: 't' } }));
    expect(decision.action).toBe('SKIP');
    expect(decision.quantity).toBe(0);
    expect(decision.reason).toBe('skipped: |score| 0.12 < 0.3');
    expect(decision.factors.signal_score).toBe(-0.12);
  });

  it('SKIP a non-finite score', () => {
    const decision = decide(input({ signal: { symbol: 'AAPL', score: Number.NaN, timestamp: 't' } }));
    expect(decision.action).toBe('SKIP');
    expect(decision.reason).toMatch(/^skipped: score NaN is not a finite number/);
    expect(Number.isFinite(decision.combinedScore)).toBe(true);
  });

  it("treats ATR 0 like the seed's `atr14 or 1.0`, and RSI 0 like `rsi14 or 50`", () => {
    const decision = decide(input({ indicators: { sma20: 100, rsi14: 0, atr14: 0, history: [100] } }));
    expect(decision.factors.volatility).toBe(1);
    expect(decision.factors.rsi_filter).toBe(1);
    // size = int(100 · 1/1.1 · 0.65) = int(59.09) = 59
    expect(decision.quantity).toBe(59);
  });

  it('clamps the size to the configured cap', () => {
    // size = int(1000 · 1/0.6 · 0.65) = 1083 → capped at 1000
    expect(decide(input({ configInput: { sizing: { basePosition: 1000 } } })).quantity).toBe(1000);
  });
});

describe('decide: forecast rule', () => {
  // N-BEATS forecasts a price: 99 is below the last close 100 (bearish) yet > 0 (seed: bullish).
  const priceBelowLast = { forecast: [99], confidence: [0.9] };

  it("'seed' reads any positive price forecast as bullish", () => {
    const decision = decide(input({ config: seedRules, forecast: priceBelowLast }));
    expect(decision.factors.forecast_direction).toBe(1);
  });

  it("'vs_last_price' compares the forecast with the last price", () => {
    const below = decide(input({ forecast: priceBelowLast }));
    expect(below.factors.forecast_direction).toBe(-1);
    // combined = 0.32 − 0.27 + 0.1 + 0.1 = 0.25 → HOLD where the seed rule would BUY (0.79)
    expect(below.action).toBe('HOLD');
    expect(decide(input({ config: seedRules, forecast: priceBelowLast })).action).toBe('BUY');
    expect(decide(input({ forecast: { forecast: [100], confidence: [0.9] } })).factors.forecast_direction).toBe(0);
  });

  it("'vs_last_price' without history has no view, and says so", () => {
    const decision = decide(input({ indicators: { sma20: null, rsi14: null, atr14: null, history: [] } }));
    expect(decision.factors.forecast_direction).toBe(0);
    expect(decision.reason).toContain('forecast ignored: no last price to compare it with');
  });

  it('an empty or non-finite forecast counts as unavailable', () => {
    expect(decide(input({ forecast: { forecast: [], confidence: [] } })).sources.forecast).toBe('unavailable');
    const nan = decide(input({ forecast: { forecast: [Number.NaN], confidence: [0.9] }, sentiment: null }));
    expect(nan.sources.forecast).toBe('unavailable');
    expect(nan.factors.forecast_confidence).toBe(0);
    expect(nan.reason).toContain('technicals only');
  });

  it('names the single missing source', () => {
    expect(decide(input({ forecast: null })).reason).toContain('; forecast unavailable');
    expect(decide(input({ sentiment: null })).reason).toContain('; sentiment unavailable');
  });
});

describe('decide helpers', () => {
  it('isSignalStrongEnough mirrors the skip gate', () => {
    expect(isSignalStrongEnough(0.3, improvedRules)).toBe(true);
    expect(isSignalStrongEnough(-0.29, improvedRules)).toBe(false);
    expect(isSignalStrongEnough(Number.POSITIVE_INFINITY, improvedRules)).toBe(false);
  });

  it('forecastHistory keeps the last historyLength points', () => {
    const history = Array.from({ length: 100 }, (_, i) => i);
    expect(forecastHistory(history, improvedRules)).toEqual(history.slice(40));
    expect(forecastHistory([1, 2], improvedRules)).toEqual([1, 2]);
  });
});
