// The one fill conversion: a matched fill as a FillView carries the order identity and number
// figures, and is a valid `fills` stream message as it is.
import { Fill } from '@aitrader/platform/messages';
import { fillViewOf, fillViewsOf } from './fill-views';
import { matchMarket } from './order-types';
import { newOrder, unwrap } from './test-fixtures';

const NOW = '2024-05-01T14:31:00.000Z';

describe('fillViewOf', () => {
  it('carries the order identity and number figures, and parses as a Fill message', () => {
    const outcome = unwrap(matchMarket(newOrder({ quantity: 1 }), { bids: [], asks: [[100.05, 5]] }, { now: NOW }));
    const view = fillViewOf(outcome.order, outcome.fills[0]!);
    expect(view).toEqual({
      tradeId: 'o-1-1',
      orderId: 'o-1',
      clientOrderId: 'c-1',
      accountId: 'acc-1',
      symbol: 'AAPL',
      side: 'BUY',
      quantity: 1,
      price: 100.05,
      fee: 0.010005,
      liquidity: 'TAKER',
      timestamp: NOW,
    });
    expect(Fill.parse(view)).toEqual(view);
    expect(fillViewsOf(outcome.order)).toEqual([view]);
  });
});
