import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CancelResourceBookingMutation = graphql(`
  mutation CancelResourceBooking($input: ResourceBookingVersionInput!) {
    cancelResourceBooking(input: $input) {
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

/** The requester cancels a booking. Afterwards the resource page refetches. */
export function useCancelResourceBooking() {
  return useMutation(CancelResourceBookingMutation);
}
