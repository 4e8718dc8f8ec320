import { useCallback } from 'react';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '@/gql';

const MeetingIcsQuery = graphql(`
  query MeetingIcs($id: ID!) {
    meeting(id: $id) {
      id
      ics
    }
  }
`);

/**
 * A meeting's iCalendar text, asked for only when wanted (the "add to calendar" button), not with
 * every load of the meeting page. From the network each time: the text follows the meeting's edits.
 */
export function useFetchMeetingIcs() {
  const client = useClient();
  return useCallback(
    async (id: string): Promise<{ ics: string | null; error: CombinedError | undefined }> => {
      const result = await client.query(MeetingIcsQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
      return { ics: result.data?.meeting?.ics ?? null, error: result.error };
    },
    [client],
  );
}
