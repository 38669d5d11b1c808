// Fee arithmetic by hand: the basis-point rate, the per-fill floor, and ties-to-even at 10 decimals.
import { exact } from '@aitrader/platform/decimal';
import { computeFee, DEFAULT_FEES, validateFeeSchedule } from './fees';

const fee = (q: string, p: string, liquidity: 'MAKER' | 'TAKER', schedule = DEFAULT_FEES) =>
  computeFee(exact(q), exact(p), liquidity, schedule).toString();

describe('computeFee', () => {
  it('charges takers 1 bp and makers nothing by default', () => {
    expect(fee('100', '100.05', 'TAKER')).toBe('1.0005');
    expect(fee('100', '100.05', 'MAKER')).toBe('0');
  });

  it('applies the floor only where the rate is positive', () => {
    const schedule = { takerBps: 1, makerBps: 0, minFee: '0.01' };
    expect(fee('1', '10', 'TAKER', schedule)).toBe('0.01'); // 0.001 raised to the floor
    expect(fee('1000', '10', 'TAKER', schedule)).toBe('1'); // above the floor
    expect(fee('1', '10', 'MAKER', schedule)).toBe('0');
  });

  it('rounds to 10 decimals, ties to even', () => {
    const tenBps = { takerBps: 10, makerBps: 0, minFee: 0 };
    expect(fee('1', '0.00000005', 'TAKER', tenBps)).toBe('0'); // 0.00000000005 → 0 (even)
    expect(fee('3', '0.00000005', 'TAKER', tenBps)).toBe('0.0000000002'); // 0.00000000015 → ...2
    expect(fee('7', '0.00000005', 'TAKER', tenBps)).toBe('0.0000000004'); // 0.00000000035 → ...4
  });
});

describe('validateFeeSchedule', () => {
  it('refuses negative figures', () => {
    const result = validateFeeSchedule({ takerBps: 1, makerBps: -0.5, minFee: 0 });
    expect(result.ok ? undefined : result.error.code).toBe('INVALID_FEE_SCHEDULE');
    expect(validateFeeSchedule(DEFAULT_FEES).ok).toBe(true);
  });
});
