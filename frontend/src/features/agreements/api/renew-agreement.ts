import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RenewAgreementMutation = graphql(`
  mutation RenewAgreement($input: RenewAgreementInput!) {
    renewAgreement(input: $input) {
      agreement {
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

/** Creates the next agreement (a draft). Afterwards: agreement lists refetch (Agreement). */
export function useRenewAgreement() {
  return useMutation(RenewAgreementMutation);
}
