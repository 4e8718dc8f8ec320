import { useQuery } from 'urql';
import { graphql } from '@/gql';

const CalendarFeedsQuery = graphql(`
  query CalendarFeeds {
    calendarFeeds {
      id
      createdAt
      alliance {
        id
        name
        nameEn
      }
    }
    alliances(first: 100) {
      nodes {
        id
        name
        nameEn
        viewerRoles
      }
    }
  }
`);

const context = { additionalTypenames: ['CalendarFeed'] };

/** The viewer's calendar subscriptions, and the alliances they can subscribe to (those they belong to). */
export function useCalendarFeeds() {
  return useQuery({ query: CalendarFeedsQuery, context });
}
