// Calls a function every `intervalMs` while `active` (for what the gateway offers no subscription for:
// the replay's progress, a training job, the serving counters).
import { useEffect, useRef } from 'react';

export function usePolling(poll: () => void, intervalMs: number, active = true): void {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  }, [poll]);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
}
