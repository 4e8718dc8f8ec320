import { useMutation } from 'urql';
import { graphql } from '@/gql';

const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        name
      }
      acceptUrl
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/**
 * Invites a person to the organization; the answer carries the one-time acceptance link (also mailed
 * when an e-mail address was given). Afterwards: nothing refetches — the person joins the member list
 * only once they accept.
 */
export function useInviteMember() {
  return useMutation(InviteMemberMutation);
}
