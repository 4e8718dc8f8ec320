import { useEffect } from 'react';
import { graphql } from '@/gql';
import { useLanguage } from '@/i18n/use-language';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';
import { usePushedUnreadCount } from './get-unread-count';

const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean, $locale: String) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title(locale: $locale)
        subjectId
        createdAt
        readAt
      }
    }
  }
`);

const context = { additionalTypenames: ['Notification'] };

/**
 * The viewer's notifications, newest first, a page at a time, worded in the language shown. Live:
 * each count the server pushes (a notification written for the viewer, or some marked read) fetches
 * the loaded pages again from the network. The refetch starts after the push has arrived — and the
 * server reads the count only after the writing transaction committed — so the answer holds the new
 * row; a request still in flight from before is dropped rather than awaited.
 */
export function useNotifications(unreadOnly: boolean) {
  const { language } = useLanguage();
  const pagination = useCursorPagination({
    query: NotificationsQuery,
    variables: { first: 20, unreadOnly, locale: language === 'en' ? 'en' : 'zh-CN' },
    connection: (data) => data.notifications,
    context,
  });
  const pushed = usePushedUnreadCount().count;
  const { refetch } = pagination;
  useEffect(() => {
    // Also on the first value seen: the subscription may have been running (the bell) before this
    // page opened, so it may already tell of a change.
    if (pushed !== undefined) refetch();
  }, [pushed, refetch]);
  return pagination;
}
