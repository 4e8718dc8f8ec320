import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { startSession } from '@/lib/auth/session';
import { publicOperation } from '@/lib/graphql/client';

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      accessToken
      expiresAt
      user {
        id
        name
        isPlatformAdmin
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/**
 * Sets the invitee's password and logs them in (refresh token in the HttpOnly cookie).
 * Afterwards: the session starts with the new user.
 */
export function useAcceptInvitation() {
  const [state, executeMutation] = useMutation(AcceptInvitationMutation);
  const accept = useCallback(
    async (token: string, password: string) => {
      const result = await executeMutation({ input: { token, password, refreshTokenInCookie: true } }, publicOperation);
      const payload = result.data?.acceptInvitation;
      if (payload?.accessToken && payload.expiresAt && payload.user) {
        startSession({ accessToken: payload.accessToken, expiresAt: payload.expiresAt, user: payload.user });
      }
      return result;
    },
    [executeMutation],
  );
  return [state, accept] as const;
}
