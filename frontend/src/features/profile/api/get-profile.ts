import { useQuery } from 'urql';
import { graphql } from '@/gql';

const ProfileQuery = graphql(`
  query Profile {
    me {
      id
      name
      email
      phone
      locale
      version
      isPlatformAdmin
      organizationMemberships(first: 100) {
        totalCount
        nodes {
          id
          position
          isOrgAdmin
          joinedOn
          organization {
            id
            name
            nameEn
            kind
          }
        }
      }
      alliances(first: 100) {
        totalCount
        nodes {
          id
          name
          nameEn
          kind
          status
          viewerRoles
        }
      }
    }
  }
`);

/** The logged-in user with their current organizations and alliances. */
export function useProfile() {
  return useQuery({ query: ProfileQuery });
}
