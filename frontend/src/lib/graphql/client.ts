import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type CombinedError, type Operation } from 'urql';
import { env } from '@/config/env';
import { getAccessToken, isAccessTokenExpiring, refreshSession } from '@/lib/auth/session';
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
 * One client per viewer (the provider makes a new one on login/logout), so no cached data of one
 * user is ever shown to the next.
 */
export function createGraphqlClient(): Client {
  // Subscriptions over graphql-ws. Lazy: the socket opens with the first subscription and closes a
  // moment after the last one ends (so a client left behind by a change of viewer closes its socket).
  // The access token goes in `connection_init`, read afresh on every (re)connect.
  const wsClient = createWsClient({
    url: env.graphqlWsUrl,
    lazy: true,
    lazyCloseTimeout: 3_000,
    retryAttempts: 5,
    connectionParams: () => {
      const token = getAccessToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });

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
              const unsubscribe = wsClient.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
