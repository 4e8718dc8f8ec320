import { useMutation } from 'urql';
import { graphql } from '@/gql';

const DeclineResourceBookingMutation = graphql(`
  mutation DeclineResourceBooking($input: DeclineResourceBookingInput!) {
    declineResourceBooking(input: $input) {
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

/** The owner declines a request with a reason. Afterwards the resource page refetches. */
export function useDeclineResourceBooking() {
  return useMutation(DeclineResourceBookingMutation);
}
