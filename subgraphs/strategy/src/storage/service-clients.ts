// HTTP clients the strategy engine consults (the seed's connections): indicators from the signals
// subgraph, the N-BEATS forecast (ONNX_URL), symbol sentiment (SENTIMENT_URL) and the account (MCP_URL).
// The factors give null when their service is down, slow or answers nonsense, so decisions fall back to
// neutral; the account throws DependencyUnavailableError instead (see account()).
// Every request carries the strategy's signed service principal (`headers()`), which the services require.
import { DependencyUnavailableError, type Logger } from '@aitrader/platform';
import type { AccountSnapshot, ForecastInput, IndicatorsInput } from '../domain';

async function getJson(url: string, init: RequestInit, timeoutMs: number, logger?: Logger): Promise<unknown | null> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (res.status === 401 || res.status === 403) logger?.warn({ url, status: res.status }, 'dependency refused the strategy service');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.json();
  } catch (err) {
    logger?.debug({ url, err: (err as Error).message }, 'dependency unavailable');
    return null;
  }
}

const finiteOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface StrategyClients {
  indicators(symbol: string): Promise<IndicatorsInput | null>;
  forecast(symbol: string, history: readonly number[], horizon: number, timeoutMs: number): Promise<ForecastInput | null>;
  sentiment(symbol: string, timeoutMs: number): Promise<number | null>;
  account(accountId: string): Promise<(AccountSnapshot & { startingCash: number }) | null>;
}

export function httpClients(
  urls: { signals: string; onnx: string; sentiment: string; mcp: string },
  headers: () => Record<string, string>,
  logger?: Logger,
): StrategyClients {
  return {
    async indicators(symbol) {
      const body = (await getJson(`${urls.signals}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers() },
        body: JSON.stringify({ query: 'query($s: String!) { indicators(symbol: $s) { smaSlow rsi atr history } }', variables: { s: symbol } }),
      }, 1000, logger)) as { data?: { indicators: { smaSlow: number | null; rsi: number | null; atr: number | null; history: number[] } | null } } | null;
      const ind = body?.data?.indicators;
      return ind ? { sma20: ind.smaSlow, rsi14: ind.rsi, atr14: ind.atr, history: ind.history } : null;
    },
    async forecast(symbol, history, horizon, timeoutMs) {
      const body = (await getJson(`${urls.onnx}/infer/forecast/nbeats`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers() },
        body: JSON.stringify({ symbol, history, horizon }),
      }, timeoutMs, logger)) as { forecast?: unknown; confidence?: unknown } | null;
      if (!body || !Array.isArray(body.forecast) || !Array.isArray(body.confidence)) return null;
      return { forecast: body.forecast.map(Number), confidence: body.confidence.map(Number) };
    },
    async sentiment(symbol, timeoutMs) {
      const body = (await getJson(`${urls.sentiment}/api/sentiment?symbol=${encodeURIComponent(symbol)}&window=1h`, { headers: headers() }, timeoutMs, logger)) as { sentiment_score?: unknown } | null;
      return body ? finiteOrNull(body.sentiment_score) : null;
    },
    async account(accountId) {
      // Unlike the factors, the account is not optional: deciding without it would refuse (or size) a
      // trade on nothing. An accounts service that cannot answer is an outage the signal waits out (the
      // stream consumer retries it); only an account that does not exist is null.
      const url = `${new URL(urls.mcp).origin}/mcp/accounts/${encodeURIComponent(accountId)}`;
      let res: Response;
      try {
        res = await fetch(url, { headers: headers(), signal: AbortSignal.timeout(2000) });
      } catch (err) {
        throw new DependencyUnavailableError(`the accounts service did not answer for ${accountId}: ${(err as Error).message}`, { cause: err });
      }
      if (res.status === 404) return null;
      if (!res.ok) throw new DependencyUnavailableError(`the accounts service answered HTTP ${res.status} for ${accountId}`);
      const body = (await res.json()) as {
        cash: number; buying_power: number; equity: number; starting_cash: number; positions: { symbol: string; quantity: number }[];
      };
      return {
        cash: body.cash,
        buyingPower: body.buying_power,
        equity: body.equity,
        startingCash: body.starting_cash,
        positions: new Map(body.positions.map((p) => [p.symbol, p.quantity])),
        // P&L since the account opened or was reset: the loss measure until daily marks are kept.
        dailyRealizedPnl: body.equity - body.starting_cash,
      };
    },
  };
}
