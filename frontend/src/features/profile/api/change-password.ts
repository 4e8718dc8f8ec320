import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Changes the viewer's password. Afterwards: nothing on screen changes, so nothing is refetched. */
export function useChangePassword() {
  return useMutation(ChangePasswordMutation);
}
