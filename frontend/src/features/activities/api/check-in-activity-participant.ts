import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CheckInActivityParticipantMutation = graphql(`
  mutation CheckInActivityParticipant($input: CheckInActivityParticipantInput!) {
    checkInActivityParticipant(input: $input) {
      activity {
        id
        version
        status
        theme
        report
        summary
        publishedAt
        viewerParticipation {
          signedUpAt
          checkedInAt
        }
        totals {
          signedUp
          checkedIn
          headCount
          participants
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** An organizer checks a person in. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useCheckInActivityParticipant() {
  return useMutation(CheckInActivityParticipantMutation);
}
