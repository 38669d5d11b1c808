'use client';
// Blotter: the account's orders and fills as they stream in (order updates and fills arriving by
// subscription refresh both, at most about once a second), filtered by symbol and order status, with
// the order ticket and a Cancel button on every open order.
import { useDeferredValue, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useDashboard } from '@/components/providers';
import { BlotterDocument, BlotterFillReceivedDocument, BlotterOrderUpdatedDocument, type OrderStatus } from '@/gql/graphql';
import { useThrottledRefresh } from '@/lib/use-throttled-refresh';
import { FillsTable } from './fills-table';
import { OrderTicket } from './order-ticket';
import { OrdersTable } from './orders-table';

const STATUSES: readonly OrderStatus[] = ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED'];

export default function BlotterPage() {
  const { runtime } = useDashboard();
  const [symbolFilter, setSymbolFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState<OrderStatus | ''>('');
  const symbol = useDeferredValue(symbolFilter.trim().toUpperCase()) || null;

  const [{ data, error, fetching }, reexecute] = useQuery({
    query: BlotterDocument,
    variables: { accountId: runtime.accountId, symbol, status: statusFilter || null },
  });
  const refresh = useThrottledRefresh(() => reexecute({ requestPolicy: 'network-only' }));
  useSubscription({ query: BlotterOrderUpdatedDocument, variables: { accountId: runtime.accountId } }, (_previous, update) => {
    refresh();
    return update;
  });
  useSubscription({ query: BlotterFillReceivedDocument, variables: { accountId: runtime.accountId } }, (_previous, fill) => {
    refresh();
    return fill;
  });
  const orders = data?.orders.edges.map((e) => e.node) ?? [];
  const fills = data?.fills.edges.map((e) => e.node) ?? [];
  const symbols = data?.instruments.map((i) => i.symbol) ?? [];

  return (
    <div className="grid">
      {error && !data ? <p role="alert" className="field-error wide">Could not load the blotter: {error.message}</p> : null}
      <OrderTicket accountId={runtime.accountId} symbols={symbols} onPlaced={refresh} />
      <section className="panel" aria-labelledby="filters-h">
        <h2 id="filters-h">Filters</h2>
        <div className="row">
          <label htmlFor="filter-symbol">
            Symbol
            <input id="filter-symbol" name="filterSymbol" list="filter-symbols" autoComplete="off" placeholder="All symbols" value={symbolFilter} onChange={(e) => setSymbolFilter(e.target.value)} />
            <datalist id="filter-symbols">
              {symbols.map((s) => <option key={s} value={s} />)}
            </datalist>
          </label>
          <label htmlFor="filter-status">
            Order status
            <select id="filter-status" name="filterStatus" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as OrderStatus | '')}>
              <option value="">Any status</option>
              {STATUSES.map((s) => <option key={s} value={s}>{s.replace('_', ' ').toLowerCase()}</option>)}
            </select>
          </label>
          {fetching ? <span className="hint" aria-live="polite">Updating…</span> : null}
        </div>
      </section>
      <section className="panel wide" aria-labelledby="orders-h">
        <h2 id="orders-h">Orders</h2>
        {data ? <OrdersTable orders={orders} filtered={Boolean(symbol || statusFilter)} onChanged={refresh} /> : <p className="empty">Loading…</p>}
      </section>
      <section className="panel wide" aria-labelledby="fills-h">
        <h2 id="fills-h">Fills</h2>
        {data ? <FillsTable fills={fills} filtered={Boolean(symbol)} /> : <p className="empty">Loading…</p>}
      </section>
    </div>
  );
}
