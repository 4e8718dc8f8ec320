import { graphql } from '@/gql';
import { errorCodeOf, postGraphql } from '@/lib/graphql/post';
import type { SessionGrant } from './session';

// No `refreshToken` in the input: the server reads the HttpOnly cookie and sets the rotated one.
const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession(input: {}) {
      accessToken
      expiresAt
      user {
        id
        name
        isPlatformAdmin
      }
      userErrors {
        field
        code
      }
    }
  }
`);

export type RefreshOutcome = 'ok' | 'unauthenticated' | 'failed';

export type RefreshResult = { kind: 'ok'; grant: SessionGrant } | { kind: 'unauthenticated' } | { kind: 'failed' };

export async function refreshSessionRequest(): Promise<RefreshResult> {
  let response;
  try {
    response = await postGraphql(RefreshSessionMutation, {});
  } catch {
    return { kind: 'failed' };
  }
  const payload = response.data?.refreshSession;
  if (payload?.accessToken && payload.expiresAt && payload.user) {
    return {
      kind: 'ok',
      grant: { accessToken: payload.accessToken, expiresAt: payload.expiresAt, user: payload.user },
    };
  }
  const codes = (response.errors ?? []).map(errorCodeOf);
  // A missing, expired or revoked cookie: either an UNAUTHENTICATED error or a payload without a token.
  if (codes.includes('UNAUTHENTICATED') || (payload && codes.length === 0)) {
    return { kind: 'unauthenticated' };
  }
  // Rate limiting, an unavailable server: the session may still be fine, so keep it.
  return { kind: 'failed' };
}
