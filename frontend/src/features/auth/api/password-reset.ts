import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { publicOperation } from '@/lib/graphql/client';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      accepted
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      passwordReset
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Asks for a reset link (signed out). Afterwards: nothing to refetch. */
export function useRequestPasswordReset() {
  const [state, execute] = useMutation(RequestPasswordResetMutation);
  return [state, (login: string) => execute({ input: { login } }, publicOperation)] as const;
}

/** Sets a new password from a reset link; every session ends. Afterwards: the user logs in again. */
export function useResetPassword() {
  const [state, execute] = useMutation(ResetPasswordMutation);
  return [
    state,
    (token: string, newPassword: string) => execute({ input: { token, newPassword } }, publicOperation),
  ] as const;
}
