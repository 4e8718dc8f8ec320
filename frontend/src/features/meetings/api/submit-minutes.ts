import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SubmitMinutesMutation = graphql(`
  mutation SubmitMinutes($input: SubmitMinutesInput!) {
    submitMinutes(input: $input) {
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

/** Sends the minutes to the supervisors and alliance admins for approval (conveners). Afterwards: the meeting page refetches. */
export function useSubmitMinutes() {
  return useMutation(SubmitMinutesMutation);
}
