import { useMutation } from 'urql';
import { graphql } from '@/gql';

const UpdateOrganizationMutation = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      organization {
        id
        name
        nameEn
        kind
        hostEntity
        region
        foundedOn
        honours
        version
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/**
 * Changes the organization's profile, naming the version read (a stale one answers CONFLICT).
 * Afterwards: the organization page and the lists refetch (Organization typename).
 */
export function useUpdateOrganization() {
  return useMutation(UpdateOrganizationMutation);
}
