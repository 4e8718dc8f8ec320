import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RevokeIntegrationTokenMutation = graphql(`
  mutation RevokeIntegrationToken($input: RevokeIntegrationTokenInput!) {
    revokeIntegrationToken(input: $input) {
      integrationToken {
        id
        revokedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Revokes a token at once. Afterwards: the token list refetches (IntegrationToken typename). */
export function useRevokeIntegrationToken() {
  return useMutation(RevokeIntegrationTokenMutation);
}
