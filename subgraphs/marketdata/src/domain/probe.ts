import { generateTicks } from './synthetic';
const t0 = performance.now();
const ticks = generateTicks({ seed: 42, symbols: ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'], start: '2025-09-26T13:30:00Z', durationMs: 3600_000 });
console.log('1h x5', ticks.length, (performance.now() - t0).toFixed(1), 'ms');
const t1 = performance.now();
const s = generateTicks({ seed: 42, symbols: ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY'], start: '2025-09-26T13:30:00Z', durationMs: 1800_000 });
const text = s.map((t) => JSON.stringify(t)).join('\n') + '\n';
console.log('30m', s.length, text.length, (performance.now() - t1).toFixed(1));
const kinds: Record<string, number> = {};
for (const t of s) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
console.log(kinds);
for (const sym of ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'SPY']) {
  const q = s.filter((t) => t.symbol === sym && t.kind === 'quote') as any[];
  const tr = s.filter((t) => t.symbol === sym && t.kind === 'trade') as any[];
  const spreads: Record<string, number> = {};
  for (const x of q) { const k = Math.round((x.ask - x.bid) * 100); spreads[k] = (spreads[k] ?? 0) + 1; }
  console.log(sym, 'first', q[0].bid, 'last', q.at(-1).bid, 'min', Math.min(...q.map((x) => x.bid)), 'max', Math.max(...q.map((x) => x.ask)), 'trades', tr.length, 'avgsize', (tr.reduce((a, t) => a + t.size, 0) / tr.length).toFixed(0), JSON.stringify(spreads));
  const perMin = new Array(30).fill(0);
  for (const t of s) if (t.symbol === sym) perMin[Math.floor((Date.parse(t.timestamp) - Date.parse('2025-09-26T13:30:00Z')) / 60000)]++;
  console.log('  per-min', perMin.join(' '));
}
console.log(s.slice(0, 14).map((t) => JSON.stringify(t)).join('\n'));
