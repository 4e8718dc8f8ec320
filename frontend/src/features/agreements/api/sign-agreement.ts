import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SignAgreementMutation = graphql(`
  mutation SignAgreement($input: SignAgreementInput!) {
    signAgreement(input: $input) {
      agreement {
        id
        status
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

/** A party signs. Afterwards: the agreement refetches (Agreement). */
export function useSignAgreement() {
  return useMutation(SignAgreementMutation);
}
