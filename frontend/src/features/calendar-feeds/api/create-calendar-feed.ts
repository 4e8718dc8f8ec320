import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed($input: CreateCalendarFeedInput!) {
    createCalendarFeed(input: $input) {
      url
      feed {
        id
        createdAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Creates a secret iCalendar feed URL (shown only in this answer). Afterwards: the list refetches (CalendarFeed). */
export function useCreateCalendarFeed() {
  return useMutation(CreateCalendarFeedMutation);
}
