import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateAgreementMutation = graphql(`
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) {
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

/** Drafts an agreement. Afterwards: agreement lists refetch (Agreement). */
export function useCreateAgreement() {
  return useMutation(CreateAgreementMutation);
}
