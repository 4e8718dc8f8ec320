import { useMutation } from 'urql';
import { graphql } from '@/gql';

const MarkResourceBookingUsedMutation = graphql(`
  mutation MarkResourceBookingUsed($input: MarkResourceBookingUsedInput!) {
    markResourceBookingUsed(input: $input) {
      booking {
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

/** The owner records that a booking was used and what was given. Afterwards the resource page refetches. */
export function useMarkResourceBookingUsed() {
  return useMutation(MarkResourceBookingUsedMutation);
}
