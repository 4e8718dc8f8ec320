import { useQuery } from 'urql';
import { graphql } from '@/gql';

const AllianceCommitmentsQuery = graphql(`
  query AllianceCommitments($id: ID!) {
    alliance(id: $id) {
      id
      agreements(first: 50) {
        nodes {
          id
          title
          commitments {
            id
            title
          }
        }
      }
    }
  }
`);

/** The commitments of the alliance's agreements, for linking a new activity to the one it serves. */
export function useAllianceCommitments(allianceId: string | undefined) {
  return useQuery({
    query: AllianceCommitmentsQuery,
    variables: { id: allianceId ?? '' },
    pause: !allianceId,
  });
}
