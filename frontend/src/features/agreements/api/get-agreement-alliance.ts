import { useQuery } from 'urql';
import { graphql } from '@/gql';

const AgreementAllianceQuery = graphql(`
  query AgreementAlliance($id: ID!) {
    alliance(id: $id) {
      id
      name
      viewerRoles
      members(first: 100) {
        nodes {
          id
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

/** An alliance's member organizations (the possible parties) and the viewer's roles there. */
export function useAgreementAlliance(id: string) {
  return useQuery({ query: AgreementAllianceQuery, variables: { id }, pause: !id });
}
