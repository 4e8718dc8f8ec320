import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateAllianceMutation = graphql(`
  mutation CreateAlliance($input: CreateAllianceInput!) {
    createAlliance(input: $input) {
      alliance {
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
 * Creates an alliance (platform admins). Afterwards: the alliance list refetches (Alliance typename, also
 * named by the list query for when it was empty); the caller opens the new alliance's page.
 */
export function useCreateAlliance() {
  return useMutation(CreateAllianceMutation);
}
