import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const ActivitiesQuery = graphql(`
  query Activities($allianceId: ID, $first: Int, $after: String) {
    activities(allianceId: $allianceId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        theme
        kind
        status
        startsAt
        endsAt
        location
        timeZone
        alliance {
          id
          name
        }
      }
    }
  }
`);

// A newly created activity refreshes the lists, also when they were empty.
const context = { additionalTypenames: ['Activity'] };

/** Activities the viewer may read (optionally one alliance's), newest start first, a page at a time. */
export function useActivities(allianceId?: string) {
  return useCursorPagination({
    query: ActivitiesQuery,
    variables: { first: 20, allianceId: allianceId ?? null },
    connection: (data) => data.activities,
    context,
  });
}
