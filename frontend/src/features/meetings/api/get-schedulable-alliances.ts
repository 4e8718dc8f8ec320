import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '@/gql';

const SchedulableAlliancesQuery = graphql(`
  query SchedulableAlliances {
    alliances(first: 100) {
      nodes {
        id
        name
        nameEn
        timeZone
        viewerRoles
        agendaDeadlineDays
        members(first: 100) {
          nodes {
            id
            organization {
              id
              name
              nameEn
            }
          }
        }
      }
    }
  }
`);

/**
 * The alliances whose meetings the viewer may schedule: where they are the lead convener or an
 * alliance admin (any, for a platform admin). The server decides in the end; this only shapes the form.
 */
export function useSchedulableAlliances(isPlatformAdmin: boolean) {
  const [result, reexecute] = useQuery({ query: SchedulableAlliancesQuery });
  const alliances = useMemo(
    () =>
      (result.data?.alliances.nodes ?? []).filter(
        (alliance) =>
          isPlatformAdmin ||
          alliance.viewerRoles.includes('LEAD_CONVENER') ||
          alliance.viewerRoles.includes('ALLIANCE_ADMIN'),
      ),
    [result.data, isPlatformAdmin],
  );
  return { alliances, fetching: result.fetching, error: result.error, reexecute };
}
