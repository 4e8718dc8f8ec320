import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RespondToMeetingMutation = graphql(`
  mutation RespondToMeeting($input: RespondToMeetingInput!) {
    respondToMeeting(input: $input) {
      attendance {
        id
        rsvp
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Answers the viewer's invitation (yes / no / maybe). Afterwards: the meeting page refetches (Attendance). */
export function useRespondToMeeting() {
  return useMutation(RespondToMeetingMutation);
}
