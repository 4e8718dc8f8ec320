import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type CombinedError, type Operation } from 'urql';
import { env } from '@/config/env';
import { getAccessToken, isAccessTokenExpiring, refreshSession } from '@/lib/auth/session';
import type { RefreshOutcome } from '@/lib/auth/refresh-session';
import { hasErrorCode } from './errors';

/**
 * Context for operations that work without a session (login, invitations): an UNAUTHENTICATED
 * answer there is the result itself (e.g. a wrong password), not a reason to refresh the session.
 */
export const publicOperation = { skipSessionRefresh: true } as const;

function isPublic(operation: Operation): boolean {
  return operation.context.skipSessionRefresh === true;
}

/**
 * graphql-ws close code "Unauthorized": the server closes a live socket with it when the access
 * token expires or the session is revoked. graphql-ws treats it as fatal (no retry of its own), so
 * the subscription refreshes the session and subscribes again on a new socket.
 */
const CLOSE_UNAUTHORIZED = 4401;
/** Re-subscriptions after 4401 in a row without an event in between, before giving up. */
const MAX_REAUTH_ATTEMPTS = 3;

function isUnauthorizedClose(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === CLOSE_UNAUTHORIZED;
}

/**
 * One client per viewer (the provider makes a new one on login/logout), so no cached data of one
 * user is ever shown to the next.
 */
export function createGraphqlClient(): Client {
  // Subscriptions over graphql-ws. Lazy: the socket opens with the first subscription and closes a
  // moment after the last one ends (so a client left behind by a change of viewer closes its socket).
  // The access token goes in `connection_init`, read afresh on every (re)connect and refreshed
  // first when it has expired (or is about to).
  let connectedWith: string | null = null;
  const wsClient = createWsClient({
    url: env.graphqlWsUrl,
    lazy: true,
    lazyCloseTimeout: 3_000,
    retryAttempts: 5,
    connectionParams: async () => {
      if (isAccessTokenExpiring()) await refreshSession();
      const token = getAccessToken();
      connectedWith = token;
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });

  /**
   * After a 4401 close: a fresh token, unless the session timer already rotated it since the socket
   * opened. 'unauthenticated' means the session is over (the app then goes to /login).
   */
  function reauthorize(): Promise<RefreshOutcome> {
    const token = getAccessToken();
    if (token !== null && token !== connectedWith && !isAccessTokenExpiring()) return Promise.resolve('ok');
    return refreshSession();
  }

  return new Client({
    url: env.graphqlUrl,
    fetchOptions: { credentials: 'same-origin' },
    // The contract is `POST /graphql` with a JSON body (urql would otherwise send queries as GET).
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = getAccessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError(operation) {
          return !isPublic(operation) && isAccessTokenExpiring();
        },
        didAuthError(error: CombinedError, operation) {
          // Refresh once and retry (the exchange retries an operation only once); when the refresh
          // fails the session ends and the protected routes send the user to /login.
          return !isPublic(operation) && getAccessToken() !== null && hasErrorCode(error, 'UNAUTHENTICATED');
        },
        async refreshAuth() {
          await refreshSession();
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              let stopped = false;
              let attempts = 0;
              let unsubscribe = () => {};
              const start = () => {
                unsubscribe = wsClient.subscribe<Record<string, unknown>, Record<string, unknown>>(input, {
                  next(value) {
                    attempts = 0;
                    sink.next(value);
                  },
                  complete() {
                    sink.complete();
                  },
                  error(error) {
                    if (stopped) return;
                    if (!isUnauthorizedClose(error) || attempts >= MAX_REAUTH_ATTEMPTS) {
                      sink.error(error);
                      return;
                    }
                    attempts += 1;
                    void reauthorize().then((outcome) => {
                      if (stopped) return;
                      if (outcome === 'ok') start();
                      // Signed out: the protected routes send the user to /login; nothing to report here.
                      else if (outcome === 'unauthenticated') sink.complete();
                      else sink.error(error);
                    });
                  },
                });
              };
              start();
              return {
                unsubscribe() {
                  stopped = true;
                  unsubscribe();
                },
              };
            },
          };
        },
      }),
    ],
  });
}
