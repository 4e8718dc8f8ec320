import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SignUpForActivityMutation = graphql(`
  mutation SignUpForActivity($input: ActivitySignUpInput!) {
    signUpForActivity(input: $input) {
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

/** Signs the viewer up. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useSignUpForActivity() {
  return useMutation(SignUpForActivityMutation);
}
