import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SetActivityHeadcountsMutation = graphql(`
  mutation SetActivityHeadcounts($input: SetActivityHeadcountsInput!) {
    setActivityHeadcounts(input: $input) {
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

/** Replaces the head-counts per organization. Afterwards: the activity's page and lists refetch (the Activity typename is in the answer). */
export function useSetActivityHeadcounts() {
  return useMutation(SetActivityHeadcountsMutation);
}
