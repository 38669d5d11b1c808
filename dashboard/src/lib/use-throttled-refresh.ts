// A refresh that runs at most once per interval however often it is asked for: the first request runs
// on the next tick, later ones inside the interval fold into one trailing run. Live pages call it from
// subscription handlers (ticks can arrive hundreds a second), so it never runs the refresh synchronously.
import { useCallback, useEffect, useRef } from 'react';

export function useThrottledRefresh(refresh: () => void, intervalMs = 1000): () => void {
  const latest = useRef(refresh);
  const lastRun = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    },
    [],
  );

  return useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastRun.current + intervalMs - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      lastRun.current = Date.now();
      latest.current();
    }, wait);
  }, [intervalMs]);
}
