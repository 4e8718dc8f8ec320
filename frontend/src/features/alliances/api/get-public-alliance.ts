import { useQuery } from 'urql';
import { graphql } from '@/gql';
import { publicOperation } from '@/lib/graphql/client';

const PublicAllianceQuery = graphql(`
  query PublicAlliance($id: ID!) {
    alliance(id: $id) {
      id
      name
      nameEn
      kind
      status
      foundedOn
      supervisingBody
      instructor
      rotationPeriod
      visibility
      members(first: 100) {
        totalCount
        nodes {
          id
          joinedOn
          rotationOrder
          organization {
            id
            name
            nameEn
            kind
          }
        }
      }
    }
  }
`);

/** What anyone may see of a public alliance: its profile and members (null for a members-only one). */
export function usePublicAlliance(id: string) {
  return useQuery({ query: PublicAllianceQuery, variables: { id }, context: publicOperation });
}
