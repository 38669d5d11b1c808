'use client';
// The account's orders, newest first, with a Cancel button on each open one (cancelOrder); a refused
// cancel shows its error in the order's row.
import { useState } from 'react';
import { useMutation } from 'urql';
import { CancelOrderDocument, type BlotterQuery, type OrderStatus } from '@/gql/graphql';
import { formatMoney, formatQuantity, formatTime } from '@/lib/format';

type Order = BlotterQuery['orders']['edges'][number]['node'];

const OPEN: readonly OrderStatus[] = ['NEW', 'PARTIALLY_FILLED'];

const statusClass = (status: OrderStatus) => (status === 'FILLED' ? 'ok' : status === 'REJECTED' ? 'down' : status === 'CANCELED' ? '' : 'degraded');

export function OrdersTable({ orders, filtered, onChanged }: { orders: Order[]; filtered: boolean; onChanged: () => void }) {
  const [cancelErrors, setCancelErrors] = useState<Record<string, string>>({});
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [, cancelOrder] = useMutation(CancelOrderDocument);

  const cancel = async (id: string) => {
    setCancelling(id);
    const result = await cancelOrder({ id });
    setCancelling(null);
    const message = result.data?.cancelOrder.error?.message ?? (result.data?.cancelOrder.order ? null : (result.error?.message ?? 'The order was not canceled.'));
    setCancelErrors((previous) => {
      const next = { ...previous };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });
    onChanged();
  };

  if (orders.length === 0) return <p className="empty">{filtered ? 'No orders match the filters.' : 'No orders yet.'}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="orders">
        <thead>
          <tr>
            <th>Created</th><th>Symbol</th><th>Side</th><th>Type</th><th className="num">Qty</th><th className="num">Limit</th>
            <th className="num">Filled</th><th className="num">Avg fill</th><th>Status</th><th>Reason</th><th><span aria-hidden="true">⋯</span></th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} data-order-id={o.id} data-status={o.status}>
              <td>{formatTime(o.createdAt)}</td>
              <td>{o.symbol}</td>
              <td className={o.side === 'BUY' ? 'up' : 'down'}>{o.side}</td>
              <td>{o.type}</td>
              <td className="num">{formatQuantity(o.quantity)}</td>
              <td className="num">{formatMoney(o.limitPrice)}</td>
              <td className="num">{formatQuantity(o.filledQuantity)}</td>
              <td className="num">{formatMoney(o.averageFillPrice)}</td>
              <td><span className={`status ${statusClass(o.status)}`}>{o.status}</span></td>
              <td style={{ whiteSpace: 'normal' }}>{o.reason ?? (o.strategy ? `strategy ${o.strategy}` : '')}</td>
              <td>
                {OPEN.includes(o.status) ? (
                  <button type="button" className="danger" onClick={() => void cancel(o.id)} disabled={cancelling === o.id} aria-label={`Cancel order ${o.id} (${o.side} ${formatQuantity(o.leavesQuantity)} ${o.symbol})`}>
                    Cancel
                  </button>
                ) : null}
                {cancelErrors[o.id] ? <span className="field-error" role="alert" data-testid={`cancel-error-${o.id}`}> {cancelErrors[o.id]}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
