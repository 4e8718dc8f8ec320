import { useEffect, useRef } from 'react';

/**
 * Calls `refetch` when the tab becomes visible again or the window regains focus (at most every
 * `minIntervalMs`): a phone unlocked in a meeting shows the latest state without a manual reload.
 */
export function useRefetchOnFocus(refetch: () => void, minIntervalMs = 5_000): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    let last = Date.now();
    const onFocus = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < minIntervalMs) return;
      last = Date.now();
      latest.current();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [minIntervalMs]);
}
