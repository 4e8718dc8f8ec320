import { useQuery } from 'urql';
import { graphql } from '@/gql';

const AuditAccessQuery = graphql(`
  query AuditAccess {
    alliances(first: 100) {
      nodes {
        id
        name
        nameEn
        viewerRoles
      }
    }
  }
`);

/**
 * The alliances whose audit entries the viewer may filter by: all of them for platform admins, the
 * ones they administer for an alliance's secretariat. An empty list (and not a platform admin) means
 * the audit log is not for this viewer, so navigation hides it.
 */
export function useAuditAccess(isPlatformAdmin: boolean) {
  const [result] = useQuery({ query: AuditAccessQuery });
  const alliances = (result.data?.alliances.nodes ?? []).filter(
    (alliance) => isPlatformAdmin || alliance.viewerRoles.includes('ALLIANCE_ADMIN'),
  );
  return { alliances, canRead: isPlatformAdmin || alliances.length > 0, fetching: result.fetching };
}
