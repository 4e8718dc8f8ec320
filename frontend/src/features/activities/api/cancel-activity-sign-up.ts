import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CancelActivitySignUpMutation = graphql(`
  mutation CancelActivitySignUp($input: ActivitySignUpInput!) {
    cancelActivitySignUp(input: $input) {
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

/** Withdraws the viewer's sign-up. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useCancelActivitySignUp() {
  return useMutation(CancelActivitySignUpMutation);
}
