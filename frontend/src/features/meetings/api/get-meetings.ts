import { graphql } from '@/gql';
import { useQuery } from 'urql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const MeetingsQuery = graphql(`
  query Meetings($first: Int, $after: String, $from: DateTime, $to: DateTime) {
    meetings(first: $first, after: $after, from: $from, to: $to) {
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
        location
        onlineUrl
        alliance {
          id
          name
          nameEn
          timeZone
        }
      }
    }
  }
`);

// A newly scheduled meeting refreshes the lists, also when they were empty.
const context = { additionalTypenames: ['Meeting'] };

/** The meetings of a span of time (a calendar month), at most 100 of them, in order of start. */
export function useMeetingsBetween(from: string, to: string) {
  return useQuery({ query: MeetingsQuery, variables: { first: 100, from, to }, context });
}

/** Meetings from `from` on, a page at a time. */
export function useUpcomingMeetings(from: string) {
  return useCursorPagination({
    query: MeetingsQuery,
    variables: { first: 20, from },
    connection: (data) => data.meetings,
    context,
  });
}
