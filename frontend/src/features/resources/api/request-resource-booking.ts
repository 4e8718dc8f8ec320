import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RequestResourceBookingMutation = graphql(`
  mutation RequestResourceBooking($input: RequestResourceBookingInput!) {
    requestResourceBooking(input: $input) {
      booking {
        id
        status
        version
      }
      overlappingRequests {
        id
        startsAt
        endsAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Requests the resource for a slot; the owner's admins are notified. Afterwards the resource page refetches (ResourceBooking). */
export function useRequestResourceBooking() {
  return useMutation(RequestResourceBookingMutation);
}
