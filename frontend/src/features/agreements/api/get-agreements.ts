import { useQuery } from 'urql';
import { graphql } from '@/gql';

const AgreementsQuery = graphql(`
  query Agreements($allianceId: ID) {
    agreements(allianceId: $allianceId, first: 100) {
      totalCount
      nodes {
        id
        title
        status
        validFrom
        validUntil
        expiresInDays
        alliance {
          id
          name
        }
        parties {
          signed
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

/** Stable, so that the query is not re-run on every render. */
const REFRESH = { additionalTypenames: ['Agreement'] };

/** The agreements the viewer may read, optionally of one alliance. Refetched after every agreement mutation (Agreement). */
export function useAgreements(allianceId?: string) {
  return useQuery({
    query: AgreementsQuery,
    variables: { allianceId: allianceId ?? null },
    context: REFRESH,
  });
}
