import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      meeting {
        id
        title
        kind
        status
        version
        startsAt
        endsAt
        location
        onlineUrl
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/**
 * Changes a meeting's details or status, naming the version read (a stale one answers CONFLICT).
 * Afterwards: the meeting page and the lists refetch (Meeting typename).
 */
export function useUpdateMeeting() {
  return useMutation(UpdateMeetingMutation);
}
