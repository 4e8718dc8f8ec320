import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const MyActionItemsQuery = graphql(`
  query MyActionItems($first: Int, $after: String, $includeDone: Boolean) {
    myActionItems(first: $first, after: $after, includeDone: $includeDone) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ActionItemFields
        meeting {
          id
          title
          startsAt
          alliance {
            id
            name
            nameEn
          }
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['ActionItem'] };

/** Action items assigned to the viewer or to organizations they administer, a page at a time. */
export function useMyActionItems(includeDone: boolean) {
  return useCursorPagination({
    query: MyActionItemsQuery,
    variables: { first: 20, includeDone },
    connection: (data) => data.myActionItems,
    context,
  });
}
