import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RevokeAllianceRoleMutation = graphql(`
  mutation RevokeAllianceRole($input: RevokeAllianceRoleInput!) {
    revokeAllianceRole(input: $input) {
      roleGrant {
        id
        revokedAt
        alliance {
          id
          viewerRoles
        }
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
 * Revokes a role grant (platform admins; `ALREADY_REVOKED` when it had ended). Afterwards: the grant
 * list refetches (RoleGrant typename) and the alliance page too (Alliance typename).
 */
export function useRevokeAllianceRole() {
  return useMutation(RevokeAllianceRoleMutation);
}
