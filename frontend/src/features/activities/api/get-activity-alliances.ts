import { useQuery } from 'urql';
import { graphql } from '@/gql';

const ActivityAlliancesQuery = graphql(`
  query ActivityAlliances {
    alliances(first: 100) {
      nodes {
        id
        name
        timeZone
        viewerRoles
      }
    }
  }
`);

/** The alliances the viewer belongs to, to choose where a new activity takes place. */
export function useActivityAlliances() {
  return useQuery({ query: ActivityAlliancesQuery });
}
