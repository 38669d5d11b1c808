// What a chaos run is judged by, read from PostgreSQL and the streams once the loop has settled: the
// run's decisions, orders and fills (keyed by their signal, so two runs can be compared), and the
// invariants that must hold whatever was killed or cut off — every order has one outcome, every fill one
// `executions` row and one ledger entry, trade ids unique, positions = net fills, cash conserved to the
// cent, nothing pending in any consumer group, no dead letters, nothing left unsent in the outbox.
import type Redis from 'ioredis';
import { Client } from 'pg';
import type { Topic } from '@aitrader/platform';
import { DATABASE_URL, fieldsOf, waitFor } from '../integration/support/env';

export interface DecisionRow { key: string; action: string; quantity: number; riskRejected: boolean; ordered: boolean }
export interface OrderRow { key: string; side: string; quantity: number; status: string; filled: number }
export interface FillRow { key: string; tradeId: string; side: string; quantity: number; price: number; fee: number }

export interface RunRecord {
  decisions: DecisionRow[];
  orders: OrderRow[];
  fills: FillRow[];
  cash: number;
  positions: Record<string, number>;
  /** Broken invariants, one line each (empty when the run is sound). */
  violations: string[];
}

interface CollectOptions {
  redis: Redis;
  prefix: string;
  accountId: string;
  strategyName: string;
  startingCash: number;
  topics: readonly Topic[];
  settleMs: number;
}

const cents = (n: number) => Math.round(n * 100);

async function pendingByGroup(redis: Redis, stream: string): Promise<string[]> {
  const groups = (await redis.xinfo('GROUPS', stream).catch(() => [])) as unknown[][];
  const out: string[] = [];
  for (const g of groups.map(fieldsOf)) {
    if (Number(g.pending) > 0) out.push(`${stream} group ${String(g.name)}: ${String(g.pending)} pending`);
  }
  return out;
}

export async function collectRun(o: CollectOptions): Promise<RunRecord> {
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const q = async <T>(sql: string, params: unknown[]) => (await pg.query(sql, params)).rows as T[];
    // Nothing in flight: no open order and the outbox sent.
    await waitFor(async () => {
      const [open] = await q<{ n: string }>(`SELECT count(*) AS n FROM orders WHERE account_id = $1 AND status IN ('NEW', 'PARTIALLY_FILLED')`, [o.accountId]);
      const [unsent] = await q<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND payload LIKE $1`, [`%${o.accountId}%`]);
      return Number(open!.n) === 0 && Number(unsent!.n) === 0;
    }, o.settleMs, 'orders closed and outbox sent').catch(() => undefined); // what is still open is reported below

    // A signal is known by symbol, time and detector (two detectors can fire on one trade).
    const decisions = await q<{ symbol: string; ts: Date; detector: string; action: string; quantity: string; risk_rejected: boolean; client_order_id: string | null; n: string }>(
      `SELECT s.symbol, s.timestamp AS ts, s.detector, d.action, d.quantity, d.risk_rejected, d.client_order_id, count(*) OVER (PARTITION BY d.signal_id) AS n
         FROM strategy_decisions d JOIN strategies st ON st.id = d.strategy_id JOIN signals s ON s.id = d.signal_id
        WHERE st.name = $1 ORDER BY s.timestamp, s.symbol, s.detector`, [o.strategyName]);
    const orders = await q<{ id: string; client_order_id: string; symbol: string; ts: Date | null; detector: string | null; side: string; quantity: string; status: string; filled_quantity: string }>(
      `SELECT o.id, o.client_order_id, o.symbol, s.timestamp AS ts, s.detector, o.side, o.quantity, o.status, o.filled_quantity
         FROM orders o LEFT JOIN strategy_decisions d ON d.id = o.decision_id LEFT JOIN signals s ON s.id = d.signal_id
        WHERE o.account_id = $1 ORDER BY s.timestamp, o.symbol, s.detector, o.side`, [o.accountId]);
    const fills = await q<{ trade_id: string; order_id: string; side: string; quantity: string; price: string; fee: string; executions: string; ledger: string }>(
      `SELECT f.trade_id, f.order_id, f.side, f.quantity, f.price, f.fee,
              (SELECT count(*) FROM executions e WHERE e.trade_id = f.trade_id) AS executions,
              (SELECT count(*) FROM ledger_entries l WHERE l.trade_id = f.trade_id) AS ledger
         FROM fills f WHERE f.account_id = $1 ORDER BY f.executed_at, f.trade_id`, [o.accountId]);
    const [account] = await q<{ cash: string; starting_cash: string }>('SELECT cash, starting_cash FROM accounts WHERE id = $1', [o.accountId]);
    const positions = await q<{ symbol: string; quantity: string }>('SELECT symbol, quantity FROM positions WHERE account_id = $1', [o.accountId]);
    const strayLedger = await q<{ n: string }>(`SELECT count(*) AS n FROM ledger_entries l WHERE l.account_id = $1 AND l.trade_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fills f WHERE f.trade_id = l.trade_id)`, [o.accountId]);
    const unsent = await q<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND payload LIKE $1`, [`%${o.accountId}%`]);

    const violations: string[] = [];
    const orderKey = new Map<string, string>();
    const orderRows: OrderRow[] = orders.map((r) => {
      const key = `${r.symbol}@${r.ts?.toISOString() ?? `unlinked:${r.client_order_id}`}:${r.detector ?? ''}:${r.side}`;
      orderKey.set(r.id, key);
      return { key, side: r.side, quantity: Number(r.quantity), status: r.status, filled: Number(r.filled_quantity) };
    });
    for (const r of orderRows) if (r.status === 'NEW' || r.status === 'PARTIALLY_FILLED') violations.push(`order ${r.key} has no outcome (${r.status})`);
    const ordered = new Set(orders.map((r) => r.client_order_id));
    for (const d of decisions) {
      if (Number(d.n) !== 1) violations.push(`signal ${d.symbol}@${d.ts.toISOString()}:${d.detector} has ${d.n} decisions`);
      if (d.client_order_id && !ordered.has(d.client_order_id)) violations.push(`decision ${d.symbol}@${d.ts.toISOString()}:${d.detector} ordered ${d.client_order_id}, which execution never booked`);
    }
    const perOrder = new Map<string, number>();
    const fillRows: FillRow[] = fills.map((f) => {
      const n = (perOrder.get(f.order_id) ?? 0) + 1;
      perOrder.set(f.order_id, n);
      if (Number(f.executions) !== 1) violations.push(`fill ${f.trade_id} has ${f.executions} executions rows`);
      if (Number(f.ledger) !== 1) violations.push(`fill ${f.trade_id} has ${f.ledger} ledger entries`);
      return { key: `${orderKey.get(f.order_id)}#${n}`, tradeId: f.trade_id, side: f.side, quantity: Number(f.quantity), price: Number(f.price), fee: Number(f.fee) };
    });
    if (new Set(fillRows.map((f) => f.tradeId)).size !== fillRows.length) violations.push('duplicate trade ids');
    if (Number(strayLedger[0]!.n) > 0) violations.push(`${strayLedger[0]!.n} ledger entries name a trade id with no fill`);
    if (Number(unsent[0]!.n) > 0) violations.push(`${unsent[0]!.n} outbox messages never sent`);
    for (const r of orderRows) {
      const filled = fillRows.filter((f) => f.key.startsWith(`${r.key}#`)).reduce((s, f) => s + f.quantity, 0);
      if (Math.abs(filled - r.filled) > 1e-9) violations.push(`order ${r.key}: filled ${r.filled} but its fills sum to ${filled}`);
    }

    const bySymbol: Record<string, number> = {};
    for (const r of orders) bySymbol[r.symbol] ??= 0;
    const symbolOf = new Map(orders.map((r) => [r.id, r.symbol]));
    fills.forEach((f, i) => {
      const symbol = symbolOf.get(f.order_id)!;
      const { side, quantity } = fillRows[i]!;
      bySymbol[symbol] = (bySymbol[symbol] ?? 0) + (side === 'BUY' ? quantity : -quantity);
    });
    const held = Object.fromEntries(positions.map((p) => [p.symbol, Number(p.quantity)]));
    for (const [symbol, qty] of Object.entries(bySymbol)) {
      if (Math.abs((held[symbol] ?? 0) - qty) > 1e-9) violations.push(`position ${symbol} is ${held[symbol] ?? 0}, net fills ${qty}`);
    }
    const cash = Number(account?.cash ?? Number.NaN);
    const flow = fillRows.reduce((s, f) => s + (f.side === 'BUY' ? -1 : 1) * f.quantity * f.price - f.fee, 0);
    if (cents(cash) !== cents(Number(account?.starting_cash) + flow)) violations.push(`cash ${cash} ≠ starting ${account?.starting_cash} + fills ${flow.toFixed(4)}`);

    for (const topic of o.topics) {
      const stream = `${o.prefix}${topic}`;
      violations.push(...(await pendingByGroup(o.redis, stream)));
      const dead = await o.redis.xlen(`${stream}:dlq`);
      if (dead > 0) violations.push(`${dead} dead letters in ${stream}:dlq: ${JSON.stringify((await o.redis.xrange(`${stream}:dlq`, '-', '+', 'COUNT', 3)).map(([, f]) => f))}`);
    }

    return {
      decisions: decisions.map((d) => ({ key: `${d.symbol}@${d.ts.toISOString()}:${d.detector}`, action: d.action, quantity: Number(d.quantity), riskRejected: d.risk_rejected, ordered: d.client_order_id !== null })),
      orders: orderRows,
      // By signal: two orders of one tick may fill in either order (their decisions race), with the same fills.
      fills: fillRows.map(({ tradeId: _t, ...f }) => ({ ...f, tradeId: '' })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)),
      cash,
      positions: held,
      violations,
    };
  } finally {
    await pg.end();
  }
}

/** Fills (by signal and fill number) the reference run has and this one lacks, and the other way round. */
export function compareRuns(reference: RunRecord, run: RunRecord): { lost: number; duplicated: number; identical: boolean } {
  const keys = (r: RunRecord) => r.fills.map((f) => `${f.key}|${f.side}|${f.quantity}|${f.price}|${f.fee}`);
  const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const ref = count(keys(reference));
  const got = count(keys(run));
  let lost = 0;
  let duplicated = 0;
  for (const [k, n] of ref) lost += Math.max(0, n - (got.get(k) ?? 0));
  for (const [k, n] of got) duplicated += Math.max(0, n - (ref.get(k) ?? 0));
  const identical =
    JSON.stringify(reference.decisions) === JSON.stringify(run.decisions) &&
    JSON.stringify(reference.orders) === JSON.stringify(run.orders) &&
    JSON.stringify(reference.fills) === JSON.stringify(run.fills) &&
    cents(reference.cash) === cents(run.cash);
  return { lost, duplicated, identical };
}
