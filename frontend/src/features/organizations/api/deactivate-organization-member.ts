import { useMutation } from 'urql';
import { graphql } from '@/gql';

const DeactivateOrganizationMemberMutation = graphql(`
  mutation DeactivateOrganizationMember($input: DeactivateOrganizationMemberInput!) {
    deactivateOrganizationMember(input: $input) {
      membership {
        id
        leftOn
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
 * A member leaves the organization on `leftOn` (today when omitted); the membership is kept with its
 * leave date. Afterwards: the member list refetches (OrganizationMembership) and no longer shows them.
 */
export function useDeactivateOrganizationMember() {
  return useMutation(DeactivateOrganizationMemberMutation);
}
