// One labelled figure of a .figures grid (a price, a score, a counter).
export function Figure({ label, value, className = '', testId }: { label: string; value: string; className?: string; testId?: string }) {
  return (
    <div className="figure">
      <div className="label">{label}</div>
      <div className={`value ${className}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
