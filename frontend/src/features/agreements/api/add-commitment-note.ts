import { useMutation } from 'urql';
import { graphql } from '@/gql';

const AddCommitmentNoteMutation = graphql(`
  mutation AddCommitmentNote($input: AddCommitmentNoteInput!) {
    addCommitmentNote(input: $input) {
      commitment {
        id
        progressValue
        progressPercent
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

/** Adds a progress note to a commitment. Afterwards: the agreement refetches (Commitment). */
export function useAddCommitmentNote() {
  return useMutation(AddCommitmentNoteMutation);
}
