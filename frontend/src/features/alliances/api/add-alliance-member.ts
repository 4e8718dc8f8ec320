import { useMutation } from 'urql';
import { graphql } from '@/gql';

const AddAllianceMemberMutation = graphql(`
  mutation AddAllianceMember($input: AddAllianceMemberInput!) {
    addAllianceMember(input: $input) {
      membership {
        id
        alliance {
          id
        }
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
 * Adds an organization to the alliance (alliance admins, platform admins); the server re-plans the lead
 * terms not yet started. Afterwards: the alliance page refetches its members and lead terms (Alliance,
 * AllianceMembership).
 */
export function useAddAllianceMember() {
  return useMutation(AddAllianceMemberMutation);
}
