import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CheckInMutation = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      attendance {
        id
        checkedInAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Checks the viewer in with the meeting's code; a wrong code is a userError on `code`. Afterwards: pages showing the attendance refetch. */
export function useCheckIn() {
  return useMutation(CheckInMutation);
}
