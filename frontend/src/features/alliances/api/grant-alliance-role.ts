import { useMutation } from 'urql';
import { graphql } from '@/gql';

const GrantAllianceRoleMutation = graphql(`
  mutation GrantAllianceRole($input: GrantAllianceRoleInput!) {
    grantAllianceRole(input: $input) {
      alliance {
        id
        viewerRoles
      }
      roleGrant {
        id
        role
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
 * Grants a person the alliance-admin or supervisor role (platform admins; `ALREADY_GRANTED` when they
 * have it). Afterwards: the alliance page and its
 * grant list refetch (Alliance and RoleGrant typenames).
 */
export function useGrantAllianceRole() {
  return useMutation(GrantAllianceRoleMutation);
}
