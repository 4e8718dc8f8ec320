import { useSubscription } from 'urql';
import { graphql } from '@/gql';

const MeetingUpdatedSubscription = graphql(`
  subscription MeetingUpdated($meetingId: ID!) {
    meetingUpdated(meetingId: $meetingId) {
      id
      version
      status
    }
  }
`);

// Each event invalidates the cached queries holding a Meeting, so the page refetches what changed
// (urql's document cache invalidates by `additionalTypenames` for subscription results).
const context = { additionalTypenames: ['Meeting'] };

/** Live updates of a meeting over graphql-ws, while the page is open. */
export function useMeetingUpdates(meetingId: string) {
  return useSubscription({ query: MeetingUpdatedSubscription, variables: { meetingId }, context });
}
