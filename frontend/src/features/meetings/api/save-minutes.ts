import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SaveMinutesMutation = graphql(`
  mutation SaveMinutes($input: SaveMinutesInput!) {
    saveMinutes(input: $input) {
      minutes {
        body
        status
        version
        updatedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Saves the minutes, naming the version read (none for the first save; a stale one answers CONFLICT). Afterwards: the meeting page refetches (Minutes). */
export function useSaveMinutes() {
  return useMutation(SaveMinutesMutation);
}
