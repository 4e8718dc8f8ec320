import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const RoleGrantsQuery = graphql(`
  query RoleGrants($id: ID!, $first: Int, $after: String) {
    alliance(id: $id) {
      id
      roleGrants(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          role
          grantedAt
          revokedAt
          user {
            id
            name
          }
          grantedBy {
            id
            name
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
// Refetched whenever a mutation returns a RoleGrant (granting or revoking one).
const context = { additionalTypenames: ['RoleGrant'] };

/** The current role grants of an alliance (platform admins and the alliance's secretariat). */
export function useRoleGrants(allianceId: string) {
  return useCursorPagination({
    query: RoleGrantsQuery,
    variables: { id: allianceId, first: PAGE_SIZE },
    connection: (data) => data.alliance?.roleGrants,
    context,
  });
}
