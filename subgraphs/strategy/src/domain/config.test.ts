// Tests for the strategy config schema: seed defaults, nested partial overrides and typed errors.
import { DEFAULT_STRATEGY_CONFIG, StrategyConfigError, loadStrategyConfig, parseStrategyConfig, reconfigure } from './config';

describe('strategy config', () => {
  it('defaults to the seed numbers and the improved forecast rule', () => {
    expect(DEFAULT_STRATEGY_CONFIG).toEqual({
      strategyName: 'enhanced_ml_sentiment',
      minSignalScore: 0.3,
      weights: { signal: 0.4, forecast: 0.3, sentiment: 0.2, rsi: 0.1 },
      buyThreshold: 0.4,
      sellThreshold: -0.4,
      rsiOverbought: 70,
      forecastRule: 'vs_last_price',
      sizing: { basePosition: 100, volatilityOffset: 0.1, fallbackVolatility: 1, minPosition: 1, maxPosition: 1000 },
      timeouts: { forecastMs: 2000, sentimentMs: 1000, overallMs: 3000 },
      historyLength: 60,
      forecastHorizon: 10,
      risk: { maxPositionPerSymbol: 1000, maxOrderNotional: 100_000, dailyLossLimit: 5000, killSwitch: false },
    });
  });

  it('fills the rest of a nested object when only one field is overridden', () => {
    const config = loadStrategyConfig({ weights: { sentiment: 0.5 }, risk: { killSwitch: true }, forecastRule: 'seed' });
    expect(config.weights).toEqual({ signal: 0.4, forecast: 0.3, sentiment: 0.5, rsi: 0.1 });
    expect(config.risk).toEqual({ ...DEFAULT_STRATEGY_CONFIG.risk, killSwitch: true });
    expect(config.forecastRule).toBe('seed');
  });

  it('reports every problem with code INVALID_CONFIG and a dotted path', () => {
    const result = parseStrategyConfig({
      weights: { signal: -1 },
      sizing: { minPosition: 10, maxPosition: 5 },
      forecastRule: 'vibes',
      timeouts: { forecastMs: 5000 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['forecastRule', 'sizing.minPosition', 'timeouts.overallMs', 'weights.signal']);
    for (const issue of result.issues) {
      expect(issue.code).toBe('INVALID_CONFIG');
      expect(issue.message.length).toBeGreaterThan(0);
    }
  });

  it('requires sellThreshold below buyThreshold', () => {
    const result = parseStrategyConfig({ buyThreshold: -0.5 });
    expect(result).toEqual({
      ok: false,
      issues: [{ code: 'INVALID_CONFIG', path: 'sellThreshold', message: 'sellThreshold must be below buyThreshold' }],
    });
  });

  it('rejects NaN and non-objects', () => {
    expect(parseStrategyConfig({ minSignalScore: Number.NaN }).ok).toBe(false);
    const notObject = parseStrategyConfig('nope');
    expect(notObject.ok ? [] : notObject.issues.map((i) => i.path)).toEqual(['']);
  });

  it('loadStrategyConfig throws a typed error carrying the issues', () => {
    expect.assertions(3);
    try {
      loadStrategyConfig({ risk: { maxOrderNotional: 0 } });
    } catch (error) {
      expect(error).toBeInstanceOf(StrategyConfigError);
      expect((error as StrategyConfigError).code).toBe('INVALID_CONFIG');
      expect((error as StrategyConfigError).issues[0]?.path).toBe('risk.maxOrderNotional');
    }
  });
});

describe('reconfigure', () => {
  it('merges a nested partial change and keeps everything else', () => {
    const result = reconfigure(DEFAULT_STRATEGY_CONFIG, { weights: { sentiment: 0.5 }, risk: { killSwitch: true }, buyThreshold: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.weights).toEqual({ signal: 0.4, forecast: 0.3, sentiment: 0.5, rsi: 0.1 });
    expect(result.config.risk).toEqual({ ...DEFAULT_STRATEGY_CONFIG.risk, killSwitch: true });
    expect(result.config.buyThreshold).toBe(0.4);
  });

  it('validates the change together with what it leaves', () => {
    const result = reconfigure(DEFAULT_STRATEGY_CONFIG, { sellThreshold: 0.6 });
    expect(result).toEqual({ ok: false, issues: [{ code: 'INVALID_CONFIG', path: 'sellThreshold', message: 'sellThreshold must be below buyThreshold' }] });
    const timeouts = reconfigure(DEFAULT_STRATEGY_CONFIG, { timeouts: { forecastMs: 5000 } });
    expect(timeouts.ok ? [] : timeouts.issues.map((i) => i.path)).toEqual(['timeouts.overallMs']);
  });

  it('reports every bad field with its path', () => {
    const result = reconfigure(DEFAULT_STRATEGY_CONFIG, { weights: { signal: -1 }, sizing: { maxPosition: 1.5 }, minSignalScore: 2 });
    expect(result.ok ? [] : result.issues.map((i) => i.path).sort()).toEqual(['minSignalScore', 'sizing.maxPosition', 'weights.signal']);
  });

  it('refuses a rename and a non-object', () => {
    const renamed = reconfigure(DEFAULT_STRATEGY_CONFIG, { strategyName: 'other' });
    expect(renamed.ok ? [] : renamed.issues.map((i) => i.path)).toEqual(['strategyName']);
    expect(reconfigure(DEFAULT_STRATEGY_CONFIG, 'x').ok).toBe(false);
  });

  it('leaves the current config untouched', () => {
    const before = JSON.stringify(DEFAULT_STRATEGY_CONFIG);
    reconfigure(DEFAULT_STRATEGY_CONFIG, { weights: { signal: 0.9 } });
    expect(JSON.stringify(DEFAULT_STRATEGY_CONFIG)).toBe(before);
  });
});
