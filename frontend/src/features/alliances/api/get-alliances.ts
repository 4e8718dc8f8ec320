import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const AlliancesQuery = graphql(`
  query Alliances($first: Int, $after: String) {
    alliances(first: $first, after: $after) {
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
        status
        foundedOn
        supervisingBody
        rotationPeriod
        visibility
        viewerRoles
      }
    }
  }
`);

const PAGE_SIZE = 20;

// A list that was empty still refetches after a creation.
const context = { additionalTypenames: ['Alliance'] };

/** The alliances the viewer may see, a page at a time. */
export function useAlliances() {
  return useCursorPagination({
    query: AlliancesQuery,
    variables: { first: PAGE_SIZE },
    context,
    connection: (data) => data.alliances,
  });
}
