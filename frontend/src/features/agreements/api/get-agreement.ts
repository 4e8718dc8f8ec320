import { useQuery } from 'urql';
import { graphql } from '@/gql';

const AgreementQuery = graphql(`
  query Agreement($id: ID!) {
    agreement(id: $id) {
      id
      title
      body
      status
      version
      validFrom
      validUntil
      expiresInDays
      terminatedOn
      terminationReason
      viewerCanManage
      viewerCanEdit
      alliance {
        id
        name
      }
      previousAgreement {
        id
        title
      }
      renewedBy {
        id
        title
      }
      parties {
        signed
        signedOn
        signatoryName
        signatoryPosition
        viewerCanSign
        organization {
          id
          name
        }
      }
      commitments {
        id
        title
        targetText
        targetValue
        targetUnit
        progressValue
        progressPercent
        dueOn
        status
        version
        viewerCanUpdate
        ownerOrganization {
          id
          name
        }
        notes {
          id
          body
          progressAmount
          createdAt
        }
        activities {
          id
          theme
          startsAt
          status
        }
      }
    }
  }
`);

/** Stable, so that the query is not re-run on every render. */
const REFRESH = { additionalTypenames: ['Agreement', 'Commitment', 'CommitmentNote'] };

/** One agreement with parties, commitments and notes. Refetched after agreement and commitment mutations. */
export function useAgreement(id: string) {
  return useQuery({
    query: AgreementQuery,
    variables: { id },
    context: REFRESH,
  });
}
