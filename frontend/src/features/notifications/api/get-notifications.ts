import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title
        subjectId
        createdAt
        readAt
      }
    }
  }
`);

const context = { additionalTypenames: ['Notification'] };

/** The viewer's notifications, newest first, a page at a time. */
export function useNotifications(unreadOnly: boolean) {
  return useCursorPagination({
    query: NotificationsQuery,
    variables: { first: 20, unreadOnly },
    connection: (data) => data.notifications,
    context,
  });
}
