// A small horizontal bar for a signed value: its width proportional to |value| (|value| = scale fills
// the track), .bar.neg when negative, with the value written beside it (the bar itself is decoration).
import { formatSigned } from '@/lib/format';

export function SignedBar({ value, scale = 1, testId }: { value: number | null; scale?: number; testId?: string }) {
  if (value === null) return <span className="empty" data-testid={testId}>—</span>;
  const width = Math.min(1, Math.abs(value) / scale) * 100;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '.4rem' }} data-testid={testId} data-value={value}>
      <span style={{ display: 'inline-block', width: 64 }} aria-hidden="true">
        <span className={value < 0 ? 'bar neg' : 'bar'} style={{ display: 'block', width: `${width}%` }} />
      </span>
      <span className={value < 0 ? 'down' : value > 0 ? 'up' : ''}>{formatSigned(value)}</span>
    </span>
  );
}
