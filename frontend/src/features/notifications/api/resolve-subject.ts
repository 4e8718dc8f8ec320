import { useCallback } from 'react';
import { useClient } from 'urql';
import { graphql } from '@/gql';

const NotificationSubjectQuery = graphql(`
  query NotificationSubject($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ActionItem {
        meeting {
          id
        }
      }
    }
  }
`);

/**
 * Where a notification leads: its meeting, or the meeting of its action item (at the action items);
 * renewal reminders to their agreement; published activities to the activity; lead-term notices lead to the alliance list (a LeadTerm does not name its alliance). Null when the
 * subject is gone or hidden from the viewer.
 */
export function useResolveSubject() {
  const client = useClient();
  return useCallback(
    async (subjectId: string): Promise<string | null> => {
      const result = await client.query(NotificationSubjectQuery, { id: subjectId }).toPromise();
      const node = result.data?.node;
      if (!node) return null;
      switch (node.__typename) {
        case 'Meeting':
          return `/meetings/${node.id}`;
        case 'ActionItem':
          return `/meetings/${node.meeting.id}#action-items`;
        case 'LeadTerm':
          return '/alliances';
        case 'Agreement':
          return `/agreements/${encodeURIComponent(node.id)}`;
        case 'Activity':
          return `/activities/${node.id}`;
        default:
          return null;
      }
    },
    [client],
  );
}
