import { useQuery } from 'urql';
import { graphql } from '@/gql';

const ResourceAlliancesQuery = graphql(`
  query ResourceAlliances {
    alliances(first: 100) {
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

/** The alliances the viewer may see, for the registry's filter. */
export function useResourceAlliances() {
  return useQuery({ query: ResourceAlliancesQuery });
}
