import { useQuery } from 'urql';
import { graphql } from '@/gql';

const IntegrationScopesQuery = graphql(`
  query IntegrationScopes {
    integrationScopes
  }
`);

/** Every scope a token can carry, e.g. `read:alliance`. */
export function useIntegrationScopes() {
  return useQuery({ query: IntegrationScopesQuery });
}
