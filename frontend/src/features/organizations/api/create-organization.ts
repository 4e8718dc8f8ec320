import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
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
 * Creates an organization (platform admins). Afterwards: the organization list refetches (Organization
 * typename, also named by the list query for when it was empty); the caller opens the new page.
 */
export function useCreateOrganization() {
  return useMutation(CreateOrganizationMutation);
}
