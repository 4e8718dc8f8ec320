import { graphql } from '@/gql';
import { useCursorPagination } from '@/lib/graphql/use-cursor-pagination';

const AuditEntriesQuery = graphql(`
  query AuditEntries(
    $first: Int
    $after: String
    $actorId: ID
    $allianceId: ID
    $entityType: String
    $action: String
    $from: DateTime
    $to: DateTime
  ) {
    auditEntries(
      first: $first
      after: $after
      actorId: $actorId
      allianceId: $allianceId
      entityType: $entityType
      action: $action
      from: $from
      to: $to
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        entityType
        entityId
        at
        changes
        actorTokenPrefix
        actor {
          id
          name
        }
        alliance {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export interface AuditFilters {
  actorId: string | null;
  allianceId: string | null;
  entityType: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

const PAGE_SIZE = 20;
// Every mutation writes an entry, so a cached page is stale as soon as anything happened: show it, and
// fetch it again each time the page opens.
const context = { additionalTypenames: ['AuditEntry'], requestPolicy: 'cache-and-network' as const };

/** Audit entries, newest first, a page at a time (platform admins; an alliance's secretariat). */
export function useAuditEntries(filters: AuditFilters) {
  return useCursorPagination({
    query: AuditEntriesQuery,
    variables: { first: PAGE_SIZE, ...filters },
    connection: (data) => data.auditEntries,
    context,
  });
}
