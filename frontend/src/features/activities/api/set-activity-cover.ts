import { useMutation } from 'urql';
import { graphql } from '@/gql';

const SetActivityCoverMutation = graphql(`
  mutation SetActivityCover($input: SetActivityCoverInput!) {
    setActivityCover(input: $input) {
      media {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Picks the activity's cover among its photos (shown on the news and in share cards). Afterwards: the activity refetches. */
export function useSetActivityCover() {
  return useMutation(SetActivityCoverMutation);
}
