import { useMutation } from 'urql';
import { graphql } from '@/gql';

const RemoveAllianceMemberMutation = graphql(`
  mutation RemoveAllianceMember($input: RemoveAllianceMemberInput!) {
    removeAllianceMember(input: $input) {
      alliance {
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

/**
 * An organization leaves the alliance on a date (alliance admins, platform admins); the server re-plans
 * the lead terms not yet started. Afterwards: the alliance page refetches its members and lead terms
 * (Alliance typename).
 */
export function useRemoveAllianceMember() {
  return useMutation(RemoveAllianceMemberMutation);
}
