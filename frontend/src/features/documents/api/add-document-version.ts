import { useMutation } from 'urql';
import { graphql } from '@/gql';

const AddDocumentVersionMutation = graphql(`
  mutation AddDocumentVersion($input: AddDocumentVersionInput!) {
    addDocumentVersion(input: $input) {
      version {
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

/** Adds the next version of a document. Afterwards: the library refetches (DocumentVersion). */
export function useAddDocumentVersion() {
  return useMutation(AddDocumentVersionMutation);
}
