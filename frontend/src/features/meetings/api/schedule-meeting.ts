import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      meeting {
        id
        title
        startsAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Schedules a joint meeting. Afterwards: the meeting lists and calendar refetch (Meeting typename). */
export function useScheduleMeeting() {
  return useMutation(ScheduleMeetingMutation);
}
