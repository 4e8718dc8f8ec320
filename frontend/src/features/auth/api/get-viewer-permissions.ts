import { useQuery } from 'urql';
import { graphql } from '@/gql';

const ViewerPermissionsQuery = graphql(`
  query ViewerPermissions {
    viewerPermissions {
      manageUsers
      readAuditLog
      manageIntegrationTokens
    }
  }
`);

/** What the viewer may do at platform level, decided by the server: the navigation offers only that. */
export function useViewerPermissions() {
  const [result] = useQuery({ query: ViewerPermissionsQuery });
  return result.data?.viewerPermissions ?? { manageUsers: false, readAuditLog: false, manageIntegrationTokens: false };
}
