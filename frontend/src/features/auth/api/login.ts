import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { startSession } from '@/lib/auth/session';
import { publicOperation } from '@/lib/graphql/client';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
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

export interface LoginValues {
  login: string;
  password: string;
}

/**
 * Logs in; the refresh token goes into an HttpOnly cookie, the access token stays in memory.
 * Afterwards: the session starts, which gives the new viewer a fresh GraphQL client (empty cache).
 */
export function useLogin() {
  const [state, executeMutation] = useMutation(LoginMutation);
  const login = useCallback(
    async (values: LoginValues) => {
      const result = await executeMutation({ input: { ...values, refreshTokenInCookie: true } }, publicOperation);
      const payload = result.data?.login;
      if (payload?.accessToken && payload.expiresAt && payload.user) {
        startSession({ accessToken: payload.accessToken, expiresAt: payload.expiresAt, user: payload.user });
      }
      return result;
    },
    [executeMutation],
  );
  return [state, login] as const;
}
