import { useMutation } from 'urql';
import { graphql } from '@/gql';

const DisableUserMutation = graphql(`
  mutation DisableUser($input: DisableUserInput!) {
    disableUser(input: $input) {
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

/**
 * Disables an account (platform admins): its sessions end at once and it cannot sign in
 * (`SELF` for your own account). Afterwards: the user list refetches (User typename).
 */
export function useDisableUser() {
  return useMutation(DisableUserMutation);
}
