import { graphql } from '@/gql';
import type { ResourceKind } from '@/gql/graphql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const SharedResourcesQuery = graphql(`
  query SharedResources($allianceId: ID, $kind: ResourceKind, $first: Int, $after: String) {
    sharedResources(allianceId: $allianceId, kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        name
        capacity
        availability
        location
        organization {
          id
          name
          nameEn
        }
        offeredTo {
          id
          name
          nameEn
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['SharedResource'] };

/** The resource registry: resources offered to the viewer's alliances, optionally one alliance and one kind. */
export function useSharedResources(allianceId: string | undefined, kind: ResourceKind | undefined) {
  return useCursorPagination({
    query: SharedResourcesQuery,
    variables: { first: 20, allianceId: allianceId ?? null, kind: kind ?? null },
    connection: (data) => data.sharedResources,
    context,
  });
}
