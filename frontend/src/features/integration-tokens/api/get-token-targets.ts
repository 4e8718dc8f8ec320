import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '@/gql';

const TokenTargetsQuery = graphql(`
  query IntegrationTokenTargets($allOrganizations: Boolean!) {
    me {
      id
      isPlatformAdmin
      organizationMemberships(first: 100) {
        nodes {
          id
          isOrgAdmin
          organization {
            id
            name
            nameEn
          }
        }
      }
    }
    alliances(first: 100) {
      nodes {
        id
        name
        nameEn
        viewerRoles
      }
    }
    organizations(first: 100) @include(if: $allOrganizations) {
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

export interface TokenTarget {
  id: string;
  name: string;
  nameEn: string | null;
}

/**
 * What the viewer may create tokens for: alliances they administer and organizations they are an
 * admin of — or, for a platform admin, any alliance or organization.
 */
export function useTokenTargets(isPlatformAdmin: boolean) {
  const [result, reexecute] = useQuery({
    query: TokenTargetsQuery,
    variables: { allOrganizations: isPlatformAdmin },
  });
  const targets = useMemo(() => {
    const data = result.data;
    if (!data) return { alliances: [] as TokenTarget[], organizations: [] as TokenTarget[] };
    const alliances = data.alliances.nodes.filter(
      (alliance) => isPlatformAdmin || alliance.viewerRoles.includes('ALLIANCE_ADMIN'),
    );
    const organizations: TokenTarget[] = isPlatformAdmin
      ? (data.organizations?.nodes ?? [])
      : (data.me?.organizationMemberships.nodes ?? [])
          .filter((membership) => membership.isOrgAdmin)
          .map((membership) => membership.organization);
    return { alliances: alliances as TokenTarget[], organizations };
  }, [result.data, isPlatformAdmin]);
  return { ...targets, fetching: result.fetching, error: result.error, reexecute };
}
