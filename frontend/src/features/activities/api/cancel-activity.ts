import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CancelActivityMutation = graphql(`
  mutation CancelActivity($input: ActivityStepInput!) {
    cancelActivity(input: $input) {
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

/** Planned to cancelled. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useCancelActivity() {
  return useMutation(CancelActivityMutation);
}
