// A .progress bar for a fraction in [0, 1], announced to assistive technology as a progressbar.
import { formatPercent } from '@/lib/format';

export function ProgressBar({ fraction, label, testId }: { fraction: number; label: string; testId?: string }) {
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped * 100)}
      aria-valuetext={formatPercent(clamped, 0)}
      data-testid={testId}
    >
      <div style={{ width: `${clamped * 100}%` }} />
    </div>
  );
}
