import { useMutation } from 'urql';
import { graphql } from '@/gql';

const OfferResourceMutation = graphql(`
  mutation OfferResource($input: OfferResourceInput!) {
    offerResource(input: $input) {
      sharedResource {
        id
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

/** An organization offers a resource to its alliances. Afterwards the registry refetches (SharedResource). */
export function useOfferResource() {
  return useMutation(OfferResourceMutation);
}
