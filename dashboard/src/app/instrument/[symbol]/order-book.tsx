// The L2 order book: bids (best first) beside asks (best first), each level's size drawn as a bar
// relative to the largest level shown, with the top of book's mid and spread.
import type { InstrumentMarketQuery } from '@/gql/graphql';
import { formatMoney, formatQuantity, formatTime } from '@/lib/format';

type Book = NonNullable<InstrumentMarketQuery['orderBook']>;
type Quote = InstrumentMarketQuery['quote'];

export function OrderBookPanel({ book, quote }: { book: Book | null | undefined; quote: Quote | undefined }) {
  const depth = Math.max(book?.bids.length ?? 0, book?.asks.length ?? 0);
  const largest = Math.max(1e-9, ...(book?.bids ?? []).map((l) => l.size), ...(book?.asks ?? []).map((l) => l.size));
  return (
    <section className="panel" aria-labelledby="book-h">
      <h2 id="book-h">Order book</h2>
      {quote ? (
        <p className="hint" data-testid="top-of-book">
          Mid {formatMoney(quote.mid)} · spread {formatMoney(quote.spread)} · last {formatMoney(quote.last)} × {formatQuantity(quote.lastSize)} · {formatTime(quote.timestamp)}
        </p>
      ) : null}
      {book && depth > 0 ? (
        <div className="table-scroll">
          <table data-testid="order-book">
            <thead>
              <tr><th className="num">Bid size</th><th className="num">Bid</th><th className="num">Ask</th><th className="num">Ask size</th></tr>
            </thead>
            <tbody>
              {Array.from({ length: depth }, (_, i) => {
                const bid = book.bids[i];
                const ask = book.asks[i];
                return (
                  <tr key={i}>
                    <td className="num"><SizeCell size={bid?.size} largest={largest} side="bid" /></td>
                    <td className="num up">{formatMoney(bid?.price)}</td>
                    <td className="num down">{formatMoney(ask?.price)}</td>
                    <td className="num"><SizeCell size={ask?.size} largest={largest} side="ask" /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No order book yet.</p>
      )}
    </section>
  );
}

function SizeCell({ size, largest, side }: { size: number | undefined; largest: number; side: 'bid' | 'ask' }) {
  if (size === undefined) return <>—</>;
  return (
    <span style={{ display: 'grid', gap: 2 }}>
      {formatQuantity(size)}
      <span aria-hidden="true" className={side === 'ask' ? 'bar neg' : 'bar'} style={{ display: 'block', height: 4, width: `${(size / largest) * 100}%`, justifySelf: side === 'bid' ? 'end' : 'start' }} />
    </span>
  );
}
