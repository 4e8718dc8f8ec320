import { useSyncExternalStore } from 'react';

/** Phones get the drawer navigation and card lists; the breakpoint is the same as antd's `md`. */
const PHONE_QUERY = '(max-width: 768px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
