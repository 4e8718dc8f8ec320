import { useQuery } from 'urql';
import { graphql } from '@/gql';

const OrganizationPeopleQuery = graphql(`
  query OrganizationPeople($id: ID!) {
    organization(id: $id) {
      id
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
`);

/**
 * The people of an organization, to name the person responsible for an action item. Empty when the
 * viewer may not see the organization's members; then only the organization is assigned.
 */
export function useOrganizationPeople(organizationId: string | undefined) {
  const [result] = useQuery({
    query: OrganizationPeopleQuery,
    variables: { id: organizationId ?? '' },
    pause: !organizationId,
  });
  const people = (result.data?.organization?.members.nodes ?? []).map((membership) => membership.user);
  return { people, fetching: result.fetching };
}
