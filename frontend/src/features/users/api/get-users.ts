import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const UsersQuery = graphql(`
  query Users($first: Int, $after: String, $search: String, $disabled: Boolean) {
    users(first: $first, after: $after, search: $search, disabled: $disabled) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        email
        phone
        isPlatformAdmin
        createdAt
        disabledAt
      }
    }
  }
`);

const PAGE_SIZE = 20;
// Disabling and enabling return the User, which refreshes the pages that show it.
const context = { additionalTypenames: ['User'] };

/** Every account (platform admins), filtered by a search term and by status. */
export function useUsers(search: string, disabled: boolean | null) {
  return useCursorPagination({
    query: UsersQuery,
    variables: { first: PAGE_SIZE, search: search || null, disabled },
    connection: (data) => data.users,
    context,
  });
}
