import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ReturnMinutesMutation = graphql(`
  mutation ReturnMinutes($input: ReturnMinutesInput!) {
    returnMinutes(input: $input) {
      minutes {
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

/** Returns the minutes for changes with a comment (supervisors, alliance admins). Afterwards: the meeting page refetches. */
export function useReturnMinutes() {
  return useMutation(ReturnMinutesMutation);
}
