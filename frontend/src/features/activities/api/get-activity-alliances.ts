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
        members(first: 100) {
          nodes {
            id
            organization {
              id
              name
              nameEn
            }
          }
        }
      }
    }
    me {
      id
      organizationMemberships(first: 20) {
        nodes {
          id
          position
          isOrgAdmin
          organization {
            id
          }
        }
      }
    }
  }
`);

/**
 * The alliances the viewer belongs to, with their current member organizations (the possible hosts
 * and co-organizers), and the organizations the viewer acts for (admin or secretary): the default host.
 */
export function useActivityAlliances() {
  const [result] = useQuery({ query: ActivityAlliancesQuery });
  const alliances = result.data?.alliances.nodes ?? [];
  const actingFor = (result.data?.me?.organizationMemberships.nodes ?? [])
    .filter((m) => m.isOrgAdmin || m.position === 'SECRETARY')
    .map((m) => m.organization.id);
  return { alliances, actingFor, fetching: result.fetching, error: result.error };
}
