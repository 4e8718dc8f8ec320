import { useMutation } from 'urql';
import { graphql } from '@/gql';
import { publicOperation } from '@/lib/graphql/client';

const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      user {
        id
        name
        phone
        locale
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

const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($input: RequestEmailChangeInput!) {
    requestEmailChange(input: $input) {
      sentTo
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const ConfirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    confirmEmailChange(input: $input) {
      email
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/** Saves the viewer's name, phone and language. Afterwards: the cached `User` updates by id. */
export function useUpdateMyProfile() {
  return useMutation(UpdateMyProfileMutation);
}

/** Sends a confirmation link to a new address. Afterwards: nothing changes until it is opened. */
export function useRequestEmailChange() {
  return useMutation(RequestEmailChangeMutation);
}

/** Switches the account's e-mail with the link's token (works signed out). */
export function useConfirmEmailChange() {
  const [state, execute] = useMutation(ConfirmEmailChangeMutation);
  return [state, (token: string) => execute({ input: { token } }, publicOperation)] as const;
}
