import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '@/gql';
import { useAfterFirstIdle } from '@/hooks/use-after-first-idle';
import { useRefetchOnFocus } from '@/hooks/use-refetch-on-focus';

const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const UnreadNotificationCountSubscription = graphql(`
  subscription UnreadNotificationCountChanged {
    unreadNotificationCount
  }
`);

// The answer is a bare number (no typename to watch), so name the type that changes it: marking
// notifications read refetches the count.
const context = { additionalTypenames: ['Notification'] };
const POLL_MS = 60_000;

/**
 * The count the server pushes: undefined until the first event. Every component that asks shares one
 * subscription (same query, same key). Deliberately without `additionalTypenames`: a push does not
 * invalidate the document cache, because an invalidation that lands while a list query is in flight
 * re-executes nothing and the list keeps an answer read before the new row was committed. Lists that
 * show notifications refetch on a new value themselves (see `useNotifications`). The live connection
 * opens once the browser is first idle: it is no part of a page's first screen.
 */
export function usePushedUnreadCount() {
  const idle = useAfterFirstIdle();
  const [live] = useSubscription({ query: UnreadNotificationCountSubscription, pause: !idle });
  return { count: live.data?.unreadNotificationCount, failed: Boolean(live.error) };
}

/**
 * The bell's number, live: the server pushes the count whenever a notification is written for the
 * viewer or marked read. Should the live connection fail, the count is polled every minute while
 * the tab is visible, and again on coming back to it. Asked for once the browser is first idle (0 until
 * then): the page's own content comes first.
 */
export function useUnreadNotificationCount() {
  const idle = useAfterFirstIdle();
  const [result, reexecute] = useQuery({ query: UnreadNotificationCountQuery, context, pause: !idle });
  const live = usePushedUnreadCount();
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useRefetchOnFocus(refetch);
  useEffect(() => {
    if (!live.failed) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reexecute, live.failed]);
  return live.count ?? result.data?.unreadNotificationCount ?? 0;
}
