// The browser session: who is logged in, and the short-lived access token, kept in memory only.
//
// The refresh token never reaches JavaScript: the server keeps it in an HttpOnly cookie (path /graphql)
// and rotates it on every `refreshSession`. Rotation makes a reused refresh token revoke the whole session,
// so two refreshes must never race — not from two effects (React StrictMode runs them twice), not from a
// request retry and the timer at once, and not from two tabs sharing the cookie. Hence: one promise in
// flight per tab, and a Web Lock across tabs.

import { refreshSessionRequest, type RefreshOutcome } from './refresh-session';
import { logoutRequest } from './logout';

export interface Viewer {
  id: string;
  name: string;
  isPlatformAdmin: boolean;
}

/** What login, invitation acceptance and refresh hand back. */
export interface SessionGrant {
  accessToken: string;
  expiresAt: string;
  user: Viewer;
}

export type SessionState =
  | { status: 'unknown' } // before the first refresh answered
  | { status: 'anonymous'; loggedOut: boolean } // loggedOut: ended on purpose, not expired
  | { status: 'authenticated'; viewer: Viewer };

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** After a failed (network) refresh, try again this much later while the token is still valid. */
const RETRY_DELAY_MS = 15_000;
const LOCK_NAME = 'alliance.session.refresh';
const CHANNEL_NAME = 'alliance.session';

let state: SessionState = { status: 'unknown' };
let accessToken: string | null = null;
/** Local clock time (ms) at which the access token stops being valid. */
let tokenExpiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<RefreshOutcome> | null = null;
let bootstrap: Promise<void> | null = null;
const listeners = new Set<() => void>();

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Another tab logged out: the cookie is gone, so this tab's session is over too.
  if (event.data === 'logout') endLocally(true);
});

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    // Timers are throttled in background tabs; catch up when the tab is shown again.
    if (document.visibilityState === 'visible' && state.status === 'authenticated' && isTokenDue()) {
      void refreshSession();
    }
  });
}

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSessionState(): SessionState {
  return state;
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** True when the access token is missing or about to expire, so a request should refresh first. */
export function isAccessTokenExpiring(): boolean {
  return accessToken !== null && Date.now() >= tokenExpiresAt - 5_000;
}

function isTokenDue(): boolean {
  return Date.now() >= tokenExpiresAt - REFRESH_MARGIN_MS;
}

/**
 * The token's lifetime, measured with the server's own numbers (`exp - iat` in the JWT) so that a
 * client clock that is off by minutes neither refreshes in a loop nor lets the token lapse.
 */
function lifetimeMs(grant: SessionGrant): number {
  const claims = decodeJwtClaims(grant.accessToken);
  if (claims && typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.exp > claims.iat) {
    return (claims.exp - claims.iat) * 1000;
  }
  const untilExpiry = Date.parse(grant.expiresAt) - Date.now();
  return Number.isFinite(untilExpiry) && untilExpiry > 0 ? untilExpiry : 5 * 60_000;
}

function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    void refreshSession().then((outcome) => {
      if (outcome === 'failed' && state.status === 'authenticated' && Date.now() < tokenExpiresAt) {
        scheduleRefresh(RETRY_DELAY_MS);
      }
    });
  }, delayMs);
}

/** Starts (or renews) the session from a login, invitation acceptance or refresh answer. */
export function startSession(grant: SessionGrant): void {
  const lifetime = lifetimeMs(grant);
  accessToken = grant.accessToken;
  tokenExpiresAt = Date.now() + lifetime;
  scheduleRefresh(Math.max(lifetime - REFRESH_MARGIN_MS, lifetime / 2, 5_000));
  const previous = state;
  const viewer = grant.user;
  const sameViewer =
    previous.status === 'authenticated' &&
    previous.viewer.id === viewer.id &&
    previous.viewer.name === viewer.name &&
    previous.viewer.isPlatformAdmin === viewer.isPlatformAdmin;
  // A refresh of the same viewer only swaps the token; nothing on screen needs to re-render.
  if (!sameViewer) setState({ status: 'authenticated', viewer });
}

function endLocally(loggedOut: boolean): void {
  clearTimeout(refreshTimer);
  accessToken = null;
  tokenExpiresAt = 0;
  if (state.status !== 'anonymous') setState({ status: 'anonymous', loggedOut });
}

/** Runs `task` while holding the cross-tab refresh lock (when the browser has Web Locks). */
async function withSessionLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  return locks.request(LOCK_NAME, task);
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request.
 * 'unauthenticated' ends the session; 'failed' (network, rate limit, server error) keeps it.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  inflight ??= withSessionLock(async () => {
    const outcome = await refreshSessionRequest();
    if (outcome.kind === 'ok') startSession(outcome.grant);
    else if (outcome.kind === 'unauthenticated') endLocally(false);
    return outcome.kind;
  }).finally(() => {
    inflight = null;
  });
  return inflight;
}

/**
 * Restores the session from the refresh cookie once per page load (idempotent, so StrictMode's
 * second effect run and later callers reuse the first attempt).
 */
export function bootstrapSession(): Promise<void> {
  bootstrap ??= refreshSession().then(() => {
    if (state.status === 'unknown') setState({ status: 'anonymous', loggedOut: false });
  });
  return bootstrap;
}

/** Logs out on the server (revoking the refresh token and clearing its cookie) and here, in every tab. */
export async function endSession(): Promise<void> {
  // A refresh still in flight would set a fresh cookie after the logout cleared it.
  await inflight?.catch(() => undefined);
  const token = accessToken;
  clearTimeout(refreshTimer);
  try {
    await withSessionLock(() => logoutRequest(token));
  } finally {
    endLocally(true);
    channel?.postMessage('logout');
  }
}
