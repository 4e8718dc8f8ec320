import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CompleteActivityMutation = graphql(`
  mutation CompleteActivity($input: ActivityStepInput!) {
    completeActivity(input: $input) {
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

/** Planned to completed. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useCompleteActivity() {
  return useMutation(CompleteActivityMutation);
}
