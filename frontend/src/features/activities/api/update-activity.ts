import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdateActivityMutation = graphql(`
  mutation UpdateActivity($input: UpdateActivityInput!) {
    updateActivity(input: $input) {
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

/** Changes an activity or its report (version-checked). Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useUpdateActivity() {
  return useMutation(UpdateActivityMutation);
}
