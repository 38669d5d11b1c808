// The parameters configureStrategy takes, as form fields named by their dotted API path (the path a
// StrategyError's `field` names), with reading the current value out of the strategy's config JSON
// and building the input from the fields that changed.
import type { ForecastRule, StrategyConfigInput } from '@/gql/graphql';

export type ConfigFieldKind = 'float' | 'int' | 'boolean' | 'forecastRule';

export interface ConfigField {
  path: string;
  label: string;
  kind: ConfigFieldKind;
}

export interface ConfigGroup {
  title: string;
  fields: readonly ConfigField[];
}

export const FORECAST_RULES: readonly { value: ForecastRule; label: string }[] = [
  { value: 'vs_last_price', label: 'vs last price' },
  { value: 'seed', label: 'seed (forecast vs 0)' },
];

export const CONFIG_GROUPS: readonly ConfigGroup[] = [
  {
    title: 'Decision',
    fields: [
      { path: 'minSignalScore', label: 'Min |signal score|', kind: 'float' },
      { path: 'buyThreshold', label: 'Buy threshold', kind: 'float' },
      { path: 'sellThreshold', label: 'Sell threshold', kind: 'float' },
      { path: 'rsiOverbought', label: 'RSI overbought', kind: 'float' },
      { path: 'forecastRule', label: 'Forecast rule', kind: 'forecastRule' },
      { path: 'forecastHorizon', label: 'Forecast horizon (steps)', kind: 'int' },
      { path: 'historyLength', label: 'History length (bars)', kind: 'int' },
    ],
  },
  {
    title: 'Weights',
    fields: [
      { path: 'weights.signal', label: 'Signal', kind: 'float' },
      { path: 'weights.forecast', label: 'Forecast', kind: 'float' },
      { path: 'weights.sentiment', label: 'Sentiment', kind: 'float' },
      { path: 'weights.rsi', label: 'RSI', kind: 'float' },
    ],
  },
  {
    title: 'Sizing',
    fields: [
      { path: 'sizing.basePosition', label: 'Base position', kind: 'float' },
      { path: 'sizing.volatilityOffset', label: 'Volatility offset', kind: 'float' },
      { path: 'sizing.fallbackVolatility', label: 'Fallback volatility', kind: 'float' },
      { path: 'sizing.minPosition', label: 'Min position', kind: 'int' },
      { path: 'sizing.maxPosition', label: 'Max position', kind: 'int' },
    ],
  },
  {
    title: 'Timeouts (ms)',
    fields: [
      { path: 'timeouts.forecastMs', label: 'Forecast', kind: 'int' },
      { path: 'timeouts.sentimentMs', label: 'Sentiment', kind: 'int' },
      { path: 'timeouts.overallMs', label: 'Overall', kind: 'int' },
    ],
  },
  {
    title: 'Risk limits',
    fields: [
      { path: 'risk.maxPositionPerSymbol', label: 'Max position per symbol', kind: 'float' },
      { path: 'risk.maxOrderNotional', label: 'Max order notional', kind: 'float' },
      { path: 'risk.dailyLossLimit', label: 'Daily loss limit', kind: 'float' },
      { path: 'risk.killSwitch', label: 'Kill switch (no new orders)', kind: 'boolean' },
    ],
  },
];

export const CONFIG_FIELDS: readonly ConfigField[] = CONFIG_GROUPS.flatMap((g) => g.fields);
export const CONFIG_PATHS: readonly string[] = CONFIG_FIELDS.map((f) => f.path);

/** The form's text per field path ("true"/"false" for a checkbox). */
export type ConfigValues = Record<string, string>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseConfig(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function valueAt(config: Record<string, unknown>, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/** The form's starting values: the parameters in effect. */
export function valuesOfConfig(json: string): ConfigValues {
  const config = parseConfig(json);
  return Object.fromEntries(CONFIG_FIELDS.map((f) => {
    const value = valueAt(config, f.path);
    return [f.path, value === undefined || value === null ? '' : String(value)];
  }));
}

/** The current weights (for scaling contribution bars): a factor at full strength contributes its weight. */
export function largestWeight(json: string): number {
  const weights = valueAt(parseConfig(json), 'weights');
  const values = isRecord(weights) ? Object.values(weights).filter((v): v is number => typeof v === 'number' && v > 0) : [];
  return values.length ? Math.max(...values) : 1;
}

export type ConfigInputResult = { ok: true; input: StrategyConfigInput; changed: number } | { ok: false; fields: Record<string, string> };

/** The input of configureStrategy from the fields that differ from the parameters in effect. */
export function configInputOf(values: ConfigValues, current: ConfigValues): ConfigInputResult {
  const input: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  let changed = 0;
  for (const field of CONFIG_FIELDS) {
    const text = (values[field.path] ?? '').trim();
    if (text === (current[field.path] ?? '').trim()) continue;
    let value: number | boolean | string;
    if (field.kind === 'boolean') value = text === 'true';
    else if (field.kind === 'forecastRule') value = text;
    else {
      value = text === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) problems[field.path] = 'Enter a number.';
      else if (field.kind === 'int' && !Number.isInteger(value)) problems[field.path] = 'Enter a whole number.';
    }
    const [head, leaf] = field.path.split('.') as [string, string | undefined];
    if (leaf === undefined) input[head] = value;
    else input[head] = { ...(isRecord(input[head]) ? input[head] : {}), [leaf]: value };
    changed++;
  }
  if (Object.keys(problems).length) return { ok: false, fields: problems };
  // The paths above are exactly StrategyConfigInput's (nested one level), so the object has its shape.
  return { ok: true, input: input as StrategyConfigInput, changed };
}
