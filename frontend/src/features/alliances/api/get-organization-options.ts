import { useQuery } from 'urql';
import { graphql } from '@/gql';

const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions($search: String) {
    organizations(first: 100, search: $search) {
      nodes {
        id
        name
        nameEn
        kind
      }
    }
  }
`);

/** Organizations matching `search` (all when empty, the first 100), to pick one to add to an alliance. */
export function useOrganizationOptions(search: string) {
  return useQuery({ query: OrganizationOptionsQuery, variables: { search: search || null } });
}
