import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UnpublishActivityMutation = graphql(`
  mutation UnpublishActivity($input: ActivityStepInput!) {
    unpublishActivity(input: $input) {
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

/** Published back to completed. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useUnpublishActivity() {
  return useMutation(UnpublishActivityMutation);
}
