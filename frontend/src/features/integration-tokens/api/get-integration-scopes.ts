import { useQuery } from 'urql';
import { graphql } from '@/gql';

const IntegrationScopesQuery = graphql(`
  query IntegrationScopes {
    alliance: integrationScopes(target: ALLIANCE)
    organization: integrationScopes(target: ORGANIZATION)
  }
`);

/** The scopes that do something on a token for each kind of target, e.g. `read:alliance`. */
export function useIntegrationScopes() {
  return useQuery({ query: IntegrationScopesQuery });
}
