import { useQuery } from 'urql';
import { graphql } from '@/gql';

const OfferingOrganizationsQuery = graphql(`
  query OfferingOrganizations {
    me {
      id
      organizationMemberships(first: 20) {
        nodes {
          id
          position
          isOrgAdmin
          organization {
            id
            name
            nameEn
            alliances(first: 50) {
              nodes {
                id
                alliance {
                  id
                  name
                  nameEn
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** The organizations the viewer acts for (admin or secretary), with the alliances they may offer to. */
export function useOfferingOrganizations() {
  const [result] = useQuery({ query: OfferingOrganizationsQuery });
  const organizations = (result.data?.me?.organizationMemberships.nodes ?? [])
    .filter((m) => m.isOrgAdmin || m.position === 'SECRETARY')
    .map((m) => ({
      ...m.organization,
      alliances: m.organization.alliances.nodes.map((n) => n.alliance),
    }))
    .filter((o) => o.alliances.length > 0);
  return { organizations, fetching: result.fetching, error: result.error };
}
