import { useMutation } from 'urql';
import { graphql } from '@/gql';

const AddCommitmentMutation = graphql(`
  mutation AddCommitment($input: AddCommitmentInput!) {
    addCommitment(input: $input) {
      commitment {
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

/** Adds a commitment to an agreement. Afterwards: the agreement refetches (Commitment). */
export function useAddCommitment() {
  return useMutation(AddCommitmentMutation);
}
