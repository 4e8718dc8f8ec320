import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdateOrganizationMemberMutation = graphql(`
  mutation UpdateOrganizationMember($input: UpdateOrganizationMemberInput!) {
    updateOrganizationMember(input: $input) {
      membership {
        id
        position
        isOrgAdmin
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
 * Changes a member's position or org-admin flag (one current secretary per organization: `TAKEN` on
 * `position`). Afterwards: the member list and the viewer's own standing refetch (OrganizationMembership).
 */
export function useUpdateOrganizationMember() {
  return useMutation(UpdateOrganizationMemberMutation);
}
