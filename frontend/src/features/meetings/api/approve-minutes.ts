import { useMutation } from 'urql';
import { graphql } from '@/gql';

const ApproveMinutesMutation = graphql(`
  mutation ApproveMinutes($input: ApproveMinutesInput!) {
    approveMinutes(input: $input) {
      minutes {
        status
        version
        approvedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Approves draft minutes (supervisors, alliance admins); they are then shared and locked. Afterwards: the meeting page refetches. */
export function useApproveMinutes() {
  return useMutation(ApproveMinutesMutation);
}
