import { useQuery } from 'urql';
import { graphql } from '@/gql';

const OrganizationQuery = graphql(`
  query Organization($id: ID!) {
    me {
      id
      isPlatformAdmin
      organizationMemberships(first: 100) {
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
    organization(id: $id) {
      id
      name
      nameEn
      kind
      hostEntity
      region
      foundedOn
      honours
      version
      alliances(first: 100) {
        totalCount
        nodes {
          id
          joinedOn
          attendanceRate
          alliance {
            id
            name
            nameEn
            kind
            status
          }
        }
      }
    }
  }
`);

/**
 * The organization page: its profile and alliances, and the viewer's own standing (platform admin, or
 * their current memberships) to tell whether they may manage it. The members come from `useOrganizationMembers`.
 */
export function useOrganization(id: string) {
  return useQuery({ query: OrganizationQuery, variables: { id } });
}
