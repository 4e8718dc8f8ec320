import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const OrganizationsQuery = graphql(`
  query Organizations($first: Int, $after: String, $search: String) {
    organizations(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        nameEn
        kind
        region
        hostEntity
        foundedOn
      }
    }
  }
`);

const PAGE_SIZE = 20;

// A list that was empty still refetches after a creation.
const context = { additionalTypenames: ['Organization'] };

/** Organizations matching `search` (all when empty), a page at a time. */
export function useOrganizations(search: string) {
  return useCursorPagination({
    query: OrganizationsQuery,
    variables: { first: PAGE_SIZE, search: search || null },
    context,
    connection: (data) => data.organizations,
  });
}
