import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ApproveResourceBookingMutation = graphql(`
  mutation ApproveResourceBooking($input: ResourceBookingVersionInput!) {
    approveResourceBooking(input: $input) {
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

/** The owner approves a request; a colliding slot answers OVERLAP naming the booking. Afterwards the resource page refetches. */
export function useApproveResourceBooking() {
  return useMutation(ApproveResourceBookingMutation);
}
