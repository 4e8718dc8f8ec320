import { useSyncExternalStore } from 'react';

// What the first screen can do without (the bell's count and its live connection, the administration
// links) waits until the browser is first idle after the page has loaded: on a phone their requests,
// the WebSocket and their renders were part of the long tasks between the first paint and the page's
// own content. Once idle, always: later pages ask at once.
const IDLE_TIMEOUT_MS = 2_000;

let idle = false;
let scheduled = false;
const listeners = new Set<() => void>();

function becomeIdle(): void {
  idle = true;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!scheduled) {
    scheduled = true;
    // Safari has no requestIdleCallback; a timer still lets the page's own work go first.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(becomeIdle, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(becomeIdle, 200);
  }
  return () => listeners.delete(listener);
}

/** False until the browser has first been idle since the page loaded (at most two seconds), then true. */
export function useAfterFirstIdle(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => idle,
    () => false,
  );
}
