// The account's fills, newest first.
import type { BlotterQuery } from '@/gql/graphql';
import { formatMoney, formatQuantity, formatTime } from '@/lib/format';

type Fill = BlotterQuery['fills']['edges'][number]['node'];

export function FillsTable({ fills, filtered }: { fills: Fill[]; filtered: boolean }) {
  if (fills.length === 0) return <p className="empty">{filtered ? 'No fills for this symbol yet.' : 'No fills yet.'}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="fills">
        <thead>
          <tr><th>Executed</th><th>Symbol</th><th>Side</th><th className="num">Qty</th><th className="num">Price</th><th className="num">Fee</th><th>Liquidity</th><th>Order</th></tr>
        </thead>
        <tbody>
          {fills.map((f) => (
            <tr key={f.tradeId} data-trade-id={f.tradeId} data-order-id={f.orderId}>
              <td>{formatTime(f.executedAt)}</td>
              <td>{f.symbol}</td>
              <td className={f.side === 'BUY' ? 'up' : 'down'}>{f.side}</td>
              <td className="num">{formatQuantity(f.qty)}</td>
              <td className="num">{formatMoney(f.price)}</td>
              <td className="num">{formatMoney(f.fee)}</td>
              <td>{f.liquidity ?? '—'}</td>
              <td title={f.orderId}>{f.orderId.slice(0, 8)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
