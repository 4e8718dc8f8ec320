import { graphql } from '@/gql';
import { postGraphql } from '@/lib/graphql/post';

// No `refreshToken` in the input: the server revokes the cookie's token and clears the cookie.
const LogoutMutation = graphql(`
  mutation Logout {
    logout(input: {}) {
      loggedOut
    }
  }
`);

export async function logoutRequest(accessToken: string | null): Promise<void> {
  try {
    await postGraphql(LogoutMutation, {}, accessToken ? { authorization: `Bearer ${accessToken}` } : {});
  } catch {
    // Offline: the local session ends anyway; the cookie's token expires on its own.
  }
}
