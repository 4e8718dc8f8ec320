import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateActivityMutation = graphql(`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
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

/** Creates a planned activity. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useCreateActivity() {
  return useMutation(CreateActivityMutation);
}
