import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const OrganizationMembersQuery = graphql(`
  query OrganizationMembers($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      id
      members(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          position
          isOrgAdmin
          joinedOn
          leftOn
          user {
            id
            name
            email
            phone
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 50;
// Refetched whenever a mutation returns an OrganizationMembership (a change of position, a member who
// left) — also when the list was empty before.
const context = { additionalTypenames: ['OrganizationMembership'] };

/**
 * The organization's current members, a page at a time; empty when the viewer may not see them (the
 * server answers an empty connection then).
 */
export function useOrganizationMembers(organizationId: string) {
  return useCursorPagination({
    query: OrganizationMembersQuery,
    variables: { id: organizationId, first: PAGE_SIZE },
    connection: (data) => data.organization?.members,
    context,
  });
}
