import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed($input: RevokeCalendarFeedInput!) {
    revokeCalendarFeed(input: $input) {
      feed {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

// A revoked feed leaves the list; the answer may not say so by itself.
const context = { additionalTypenames: ['CalendarFeed'] };

/** Revokes a feed: calendars using its URL stop updating. Afterwards: the list refetches. */
export function useRevokeCalendarFeed() {
  const [state, execute] = useMutation(RevokeCalendarFeedMutation);
  return [state, (id: string) => execute({ input: { id } }, context)] as const;
}
