import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const PastMeetingsQuery = graphql(`
  query PastMeetings($first: Int, $after: String) {
    meetings(past: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        kind
        status
        startsAt
        endsAt
        alliance {
          id
          name
          nameEn
          timeZone
        }
        approvedMinutes {
          body
          approvedAt
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['Meeting', 'Minutes'] };

/** Meetings that are over, newest first, each with its approved minutes (null until approved). */
export function usePastMeetings() {
  return useCursorPagination({
    query: PastMeetingsQuery,
    variables: { first: 10 },
    connection: (data) => data.meetings,
    context,
  });
}
