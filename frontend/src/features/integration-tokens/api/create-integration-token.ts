import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateIntegrationTokenMutation = graphql(`
  mutation CreateIntegrationToken($input: CreateIntegrationTokenInput!) {
    createIntegrationToken(input: $input) {
      secret
      integrationToken {
        id
        name
        prefix
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
 * Creates a token; the answer carries its secret, the only time it is ever shown.
 * Afterwards: the token list refetches (it watches the IntegrationToken typename).
 */
export function useCreateIntegrationToken() {
  return useMutation(CreateIntegrationTokenMutation);
}
