import { useMutation } from 'urql';
import { graphql } from '@/gql';

const PublishActivityMutation = graphql(`
  mutation PublishActivity($input: ActivityStepInput!) {
    publishActivity(input: $input) {
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

/** Completed to published (appears in the public news of a public alliance). Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function usePublishActivity() {
  return useMutation(PublishActivityMutation);
}
