// Makes data/bitstamp-btcusd-1m.csv, the real 1-minute price file the forecaster is evaluated on, from
// ta4j's bitstamp_trades_from_20131125_usd.csv (100,000 Bitstamp BTC/USD trades, 2013-11-25 → 12-01;
// see README.md here for the source and license). Kept so the committed file can be checked and remade:
//   unzip -p ta4j-examples-0.15.jar bitstamp_trades_from_20131125_usd.csv > /tmp/trades.csv
//   npx tsx models/src/nbeats/data/make-bitstamp-bars.ts /tmp/trades.csv
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatOhlcvCsv, parseTradesCsv, tradesToBars } from '../ohlcv';

export const BITSTAMP_BARS_FILE = join(__dirname, 'bitstamp-btcusd-1m.csv');

if (require.main === module) {
  const input = process.argv[2];
  if (!input) throw new Error('usage: npx tsx models/src/nbeats/data/make-bitstamp-bars.ts <bitstamp_trades_from_20131125_usd.csv>');
  const bars = tradesToBars(parseTradesCsv(readFileSync(input, 'utf8')), 60_000);
  writeFileSync(process.argv[3] ?? BITSTAMP_BARS_FILE, formatOhlcvCsv(bars));
  console.log(`${bars.length} one-minute bars, ${bars.filter((b) => b.volume === 0).length} without trades (forward-filled)`);
}
