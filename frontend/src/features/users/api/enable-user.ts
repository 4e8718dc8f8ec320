import { useMutation } from 'urql';
import { graphql } from '@/gql';

const EnableUserMutation = graphql(`
  mutation EnableUser($input: EnableUserInput!) {
    enableUser(input: $input) {
      user {
        id
        disabledAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Lets a disabled account sign in again (platform admins). Afterwards: the user list refetches. */
export function useEnableUser() {
  return useMutation(EnableUserMutation);
}
