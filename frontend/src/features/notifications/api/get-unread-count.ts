import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '@/gql';
import { useRefetchOnFocus } from '@/hooks/use-refetch-on-focus';

const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

// The answer is a bare number (no typename to watch), so name the type that changes it.
const context = { additionalTypenames: ['Notification'] };
const POLL_MS = 60_000;

/** The bell's number: polled every minute while the tab is visible, and again on coming back to it. */
export function useUnreadNotificationCount() {
  const [result, reexecute] = useQuery({ query: UnreadNotificationCountQuery, context });
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useRefetchOnFocus(refetch);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reexecute]);
  return result.data?.unreadNotificationCount ?? 0;
}
