import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CheckInToActivityMutation = graphql(`
  mutation CheckInToActivity($input: CheckInToActivityInput!) {
    checkInToActivity(input: $input) {
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

/** Checks the viewer in with the code; a wrong code is a userError on code. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useCheckInToActivity() {
  return useMutation(CheckInToActivityMutation);
}
