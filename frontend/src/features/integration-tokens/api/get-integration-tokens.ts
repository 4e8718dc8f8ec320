import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const IntegrationTokensQuery = graphql(`
  query IntegrationTokens($first: Int, $after: String) {
    integrationTokens(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        prefix
        scopes
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
        alliance {
          id
          name
          nameEn
        }
        organization {
          id
          name
          nameEn
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
// Refetched whenever a mutation returns an IntegrationToken — also when the list was empty before.
const context = { additionalTypenames: ['IntegrationToken'] };

/** The tokens the viewer may manage, a page at a time. */
export function useIntegrationTokens() {
  return useCursorPagination({
    query: IntegrationTokensQuery,
    variables: { first: PAGE_SIZE },
    connection: (data) => data.integrationTokens,
    context,
  });
}
