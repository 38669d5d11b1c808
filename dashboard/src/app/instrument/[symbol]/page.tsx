'use client';
// Instrument: one symbol live — candles of a chosen interval with its signals as markers, the sampled
// VWAP/Bollinger overlays and the N-BEATS forecast continuing them, the indicators, the L2 book, the
// sentiment with its news, and the strategy's decisions. Ticks, signals, news and decisions arriving by
// subscription refresh what they change, at most about once a second (the forecast every few seconds).
import { useParams, useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Figure } from '@/components/figure';
import { InstrumentCandlesDocument, InstrumentForecastDocument, InstrumentMarketDocument, InstrumentSignalsDocument, type CandleInterval } from '@/gql/graphql';
import { formatMoney, formatQuantity } from '@/lib/format';
import { useThrottledRefresh } from '@/lib/use-throttled-refresh';
import { CANDLES_SHOWN, candlesFrom } from './chart-data';
import { DecisionsPanel } from './decisions-panel';
import { ForecastPanel } from './forecast-panel';
import { IndicatorsPanel } from './indicators-panel';
import { LiveRefresh } from './live-refresh';
import { OrderBookPanel } from './order-book';
import { PriceChart } from './price-chart';
import { SentimentPanel } from './sentiment-panel';
import { useIndicatorTrail } from './use-indicator-trail';

const FORECAST_HORIZON = 10;
/** A forecast runs the model: refreshed less often than the market data. */
const FORECAST_REFRESH_MS = 5000;

export default function InstrumentPage() {
  const params = useParams<{ symbol: string }>();
  const symbol = decodeURIComponent(params.symbol ?? '').toUpperCase();
  const [candleInterval, setCandleInterval] = useState<CandleInterval>('M1');

  const [market, reexecuteMarket] = useQuery({ query: InstrumentMarketDocument, variables: { symbol } });
  const quote = market.data?.quote;
  const [candles, reexecuteCandles] = useQuery({
    query: InstrumentCandlesDocument,
    variables: { symbol, interval: candleInterval, from: candlesFrom(quote?.timestamp, candleInterval), first: Math.round(CANDLES_SHOWN * 1.5) },
    pause: market.fetching && !market.data,
  });
  const [signals, reexecuteSignals] = useQuery({ query: InstrumentSignalsDocument, variables: { symbol } });
  const [forecast, reexecuteForecast] = useQuery({ query: InstrumentForecastDocument, variables: { symbol, horizon: FORECAST_HORIZON } });

  const refreshMarket = useThrottledRefresh(() => {
    reexecuteMarket({ requestPolicy: 'network-only' });
    reexecuteCandles({ requestPolicy: 'network-only' });
  });
  const refreshForecast = useThrottledRefresh(() => reexecuteForecast({ requestPolicy: 'network-only' }), FORECAST_REFRESH_MS);
  const refreshSignals = useThrottledRefresh(() => reexecuteSignals({ requestPolicy: 'network-only' }));
  const onTick = () => {
    refreshMarket();
    refreshForecast();
  };

  const trail = useIndicatorTrail(symbol, market.data?.indicators, quote?.timestamp);
  const instrument = market.data?.instrument;
  const candleNodes = useMemo(() => candles.data?.candles.edges.map((e) => e.node) ?? [], [candles.data]);
  const signalNodes = useMemo(() => signals.data?.signals.edges.map((e) => e.node) ?? [], [signals.data]);
  const forecastProblem = forecast.error ? (forecast.error.graphQLErrors[0]?.message ?? forecast.error.message) : null;

  if (market.data && !instrument) {
    return (
      <div className="grid">
        <section className="panel wide">
          <h2>Unknown instrument</h2>
          <p className="empty">No instrument {symbol}.</p>
          <SymbolSwitch symbol={symbol} symbols={market.data.instruments} />
        </section>
      </div>
    );
  }

  return (
    <div className="grid">
      <LiveRefresh symbol={symbol} onTick={onTick} onSignal={refreshSignals} />
      {market.error && !market.data ? <p role="alert" className="field-error wide">Could not load {symbol}: {market.error.message}</p> : null}
      <section className="panel wide" aria-labelledby="instrument-h">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="instrument-h">{instrument ? `${instrument.symbol} — ${instrument.name}` : symbol}</h2>
          <SymbolSwitch symbol={symbol} symbols={market.data?.instruments ?? []} />
        </div>
        {quote ? (
          <div className="figures" data-testid="quote">
            <Figure label="Last" value={formatMoney(quote.last)} testId="last-price" />
            <Figure label="Bid" value={`${formatMoney(quote.bid)} × ${formatQuantity(quote.bidSize)}`} />
            <Figure label="Ask" value={`${formatMoney(quote.ask)} × ${formatQuantity(quote.askSize)}`} />
            <Figure label="Spread" value={formatMoney(quote.spread)} />
          </div>
        ) : (
          <p className="empty">{market.data ? `No quote for ${symbol} yet — start a replay to stream ticks.` : 'Loading…'}</p>
        )}
        {instrument ? <p className="hint">{instrument.assetClass} · {instrument.currency} · tick {formatMoney(instrument.tickSize)} · lot {formatQuantity(instrument.lotSize)}</p> : null}
      </section>
      <PriceChart
        symbol={symbol}
        interval={candleInterval}
        onInterval={setCandleInterval}
        candles={candleNodes}
        signals={signalNodes}
        forecast={forecast.data?.forecast ?? null}
        barMs={market.data?.detectorConfig.barMs}
        trail={trail}
        loading={!candles.data && (candles.fetching || market.fetching)}
      />
      <ForecastPanel forecast={forecast.data?.forecast ?? null} problem={forecastProblem} loading={!forecast.data && !forecast.error} />
      <IndicatorsPanel indicators={market.data?.indicators} config={market.data?.detectorConfig} trail={trail} />
      <OrderBookPanel book={market.data?.orderBook} quote={quote} />
      <SentimentPanel symbol={symbol} />
      <DecisionsPanel symbol={symbol} />
    </div>
  );
}

function SymbolSwitch({ symbol, symbols }: { symbol: string; symbols: { symbol: string; name: string }[] }) {
  const router = useRouter();
  if (symbols.length === 0) return null;
  return (
    <label>
      Instrument
      <select id="instrument-symbol" value={symbols.some((s) => s.symbol === symbol) ? symbol : ''} onChange={(e) => router.push(`/instrument/${encodeURIComponent(e.target.value)}`)}>
        {symbols.some((s) => s.symbol === symbol) ? null : <option value="">—</option>}
        {symbols.map((s) => <option key={s.symbol} value={s.symbol}>{s.symbol} — {s.name}</option>)}
      </select>
    </label>
  );
}
