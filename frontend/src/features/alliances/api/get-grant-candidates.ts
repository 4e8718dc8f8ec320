import { useQuery } from 'urql';
import { graphql } from '@/gql';

const GrantCandidatesQuery = graphql(`
  query GrantCandidates($id: ID!) {
    alliance(id: $id) {
      id
      members(first: 50) {
        nodes {
          id
          organization {
            id
            name
            nameEn
            members(first: 100) {
              nodes {
                id
                user {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);

/**
 * The people of the alliance's member organizations, by organization: whom a platform admin may grant
 * an alliance role. Its own query (not part of the alliance page's), made only for platform admins.
 */
export function useGrantCandidates(allianceId: string) {
  return useQuery({ query: GrantCandidatesQuery, variables: { id: allianceId } });
}
