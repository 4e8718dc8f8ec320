import { graphql } from '@/gql';
import { useLanguage } from '@/i18n/use-language';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

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

/** The viewer's notifications, newest first, a page at a time, worded in the language shown. */
export function useNotifications(unreadOnly: boolean) {
  const { language } = useLanguage();
  return useCursorPagination({
    query: NotificationsQuery,
    variables: { first: 20, unreadOnly, locale: language === 'en' ? 'en' : 'zh-CN' },
    connection: (data) => data.notifications,
    context,
  });
}
