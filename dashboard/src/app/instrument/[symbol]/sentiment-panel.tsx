'use client';
// The symbol's news sentiment for a window: the weighted score, and the scored news behind it
// (headline, label, score, confidence); refreshed each time news about the symbol is scored.
import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Figure } from '@/components/figure';
import { InstrumentSentimentChangedDocument, InstrumentSentimentDocument, type SentimentWindow } from '@/gql/graphql';
import { formatPercent, formatQuantity, formatSigned, formatTime, pnlClass } from '@/lib/format';
import { useThrottledRefresh } from '@/lib/use-throttled-refresh';

const WINDOWS: readonly { value: SentimentWindow; label: string }[] = [
  { value: 'M15', label: '15 minutes' },
  { value: 'H1', label: '1 hour' },
  { value: 'D1', label: '1 day' },
];

export function SentimentPanel({ symbol }: { symbol: string }) {
  const [sentimentWindow, setSentimentWindow] = useState<SentimentWindow>('H1');
  const [{ data, error, fetching }, reexecute] = useQuery({ query: InstrumentSentimentDocument, variables: { symbol, window: sentimentWindow } });
  const refresh = useThrottledRefresh(() => reexecute({ requestPolicy: 'network-only' }));
  useSubscription({ query: InstrumentSentimentChangedDocument, variables: { symbol, window: sentimentWindow } }, (_previous, event) => {
    refresh();
    return event;
  });
  const sentiment = data?.sentiment;
  const news = data?.news.edges.map((e) => e.node) ?? [];

  return (
    <section className="panel" aria-labelledby="sentiment-h">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="sentiment-h">Sentiment</h2>
        <label>
          Window
          <select id="sentiment-window" value={sentimentWindow} onChange={(e) => setSentimentWindow(e.target.value as SentimentWindow)}>
            {WINDOWS.map((w) => <option key={w.value} value={w.value}>{w.label}</option>)}
          </select>
        </label>
      </div>
      {sentiment ? (
        <div className="figures" data-testid="sentiment">
          <Figure label="Score" value={formatSigned(sentiment.score)} className={pnlClass(sentiment.score)} testId="sentiment-score" />
          <Figure label="News weighed" value={formatQuantity(sentiment.count)} />
          <Figure label="Evidence weight" value={formatQuantity(sentiment.weight)} />
          <Figure label="As of" value={formatTime(sentiment.asOf)} />
        </div>
      ) : (
        <p className="empty">{fetching ? 'Loading…' : error ? `Sentiment unavailable: ${error.message}` : 'No sentiment.'}</p>
      )}
      {sentiment?.models.length ? <p className="hint">Scored by {sentiment.models.join(', ')}{sentiment.cached ? ' (cached)' : ''}.</p> : null}
      {news.length ? (
        <div className="table-scroll">
          <table data-testid="news">
            <thead>
              <tr><th>Published</th><th>Headline</th><th>Label</th><th className="num">Score</th><th className="num">Confidence</th></tr>
            </thead>
            <tbody>
              {news.map((item) => {
                const score = item.scores.find((s) => s.symbol === symbol) ?? item.scores[0];
                return (
                  <tr key={item.id} data-news-id={item.id}>
                    <td>{formatTime(item.publishedAt)}</td>
                    <td style={{ whiteSpace: 'normal', minWidth: 200 }}>
                      {item.url ? <a href={item.url} rel="noreferrer noopener" target="_blank">{item.headline}</a> : item.headline}
                      <span className="hint"> — {item.source}</span>
                    </td>
                    <td className={score?.label === 'POSITIVE' ? 'up' : score?.label === 'NEGATIVE' ? 'down' : ''}>{score?.label ?? 'unscored'}</td>
                    <td className={`num ${pnlClass(score?.score)}`}>{formatSigned(score?.score)}</td>
                    <td className="num">{formatPercent(score?.confidence)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No news about {symbol} yet.</p>
      )}
    </section>
  );
}
