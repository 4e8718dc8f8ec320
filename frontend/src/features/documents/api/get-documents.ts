import { useQuery } from 'urql';
import { graphql } from '@/gql';

const DocumentsQuery = graphql(`
  query Documents($allianceId: ID!) {
    alliance(id: $allianceId) {
      id
      name
      viewerRoles
      currentWorkingRules {
        id
        number
        label
        effectiveOn
        body
        file {
          name
          contentType
          byteSize
          url
        }
        document {
          id
          title
        }
      }
      documents(first: 100) {
        nodes {
          id
          kind
          title
          versions {
            id
            number
            label
            effectiveOn
            note
            body
            file {
              name
              contentType
              byteSize
              url
            }
            createdAt
          }
        }
      }
    }
  }
`);

/** Stable, so that the query is not re-run on every render. */
const REFRESH = { additionalTypenames: ['Document', 'DocumentVersion'] };

/** An alliance's library with every version, and its working rules in effect. Refetched after document mutations. */
export function useDocuments(allianceId: string) {
  return useQuery({
    query: DocumentsQuery,
    variables: { allianceId },
    context: REFRESH,
  });
}
