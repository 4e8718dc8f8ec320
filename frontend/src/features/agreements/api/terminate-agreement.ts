import { useMutation } from 'urql';
import { graphql } from '@/gql';

const TerminateAgreementMutation = graphql(`
  mutation TerminateAgreement($input: TerminateAgreementInput!) {
    terminateAgreement(input: $input) {
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

/** Ends an agreement early, naming the version read. Afterwards: the agreement refetches (Agreement). */
export function useTerminateAgreement() {
  return useMutation(TerminateAgreementMutation);
}
