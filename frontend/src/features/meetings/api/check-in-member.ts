import { useMutation } from 'urql';
import { graphql } from '@/gql';

const CheckInMemberMutation = graphql(`
  mutation CheckInMember($input: CheckInMemberInput!) {
    checkInMember(input: $input) {
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

/** A convener checks a person in. Afterwards: the meeting page refetches (Attendance). */
export function useCheckInMember() {
  return useMutation(CheckInMemberMutation);
}
