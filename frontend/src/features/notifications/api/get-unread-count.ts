import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '@/gql';
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

// The answer is a bare number (no typename to watch), so name the type that changes it. For the
// subscription this also makes every event refetch the open notification list.
const context = { additionalTypenames: ['Notification'] };
const POLL_MS = 60_000;

/**
 * The bell's number, live: the server pushes the count whenever a notification is written for the
 * viewer or marked read. Should the live connection fail, the count is polled every minute while
 * the tab is visible, and again on coming back to it.
 */
export function useUnreadNotificationCount() {
  const [result, reexecute] = useQuery({ query: UnreadNotificationCountQuery, context });
  const [live] = useSubscription({ query: UnreadNotificationCountSubscription, context });
  const liveFailed = Boolean(live.error);
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useRefetchOnFocus(refetch);
  useEffect(() => {
    if (!liveFailed) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reexecute, liveFailed]);
  return live.data?.unreadNotificationCount ?? result.data?.unreadNotificationCount ?? 0;
}
