import { useQuery } from 'urql';
import { graphql } from '@/gql';
import { publicOperation } from '@/lib/graphql/client';

const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      organizationName
      name
      email
      phone
      expiresAt
      expired
      accepted
    }
  }
`);

/** What the invitee sees before setting a password; null for an unknown token. */
export function useInvitation(token: string) {
  return useQuery({ query: InvitationPreviewQuery, variables: { token }, context: publicOperation });
}
