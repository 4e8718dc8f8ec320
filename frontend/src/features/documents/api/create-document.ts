import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CreateDocumentMutation = graphql(`
  mutation CreateDocument($input: CreateDocumentInput!) {
    createDocument(input: $input) {
      document {
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

/** Adds a document with its first version. Afterwards: the library refetches (Document). */
export function useCreateDocument() {
  return useMutation(CreateDocumentMutation);
}
