import { useQuery } from 'urql';
import { graphql } from '@/gql';
import { useAfterFirstIdle } from '@/hooks/use-after-first-idle';

const ViewerPermissionsQuery = graphql(`
  query ViewerPermissions {
    viewerPermissions {
      manageUsers
      readAuditLog
      manageIntegrationTokens
    }
  }
`);

/**
 * What the viewer may do at platform level, decided by the server: the navigation offers only that.
 * Asked for once the browser is first idle (nothing is offered until then): the page comes first.
 */
export function useViewerPermissions() {
  const idle = useAfterFirstIdle();
  const [result] = useQuery({ query: ViewerPermissionsQuery, pause: !idle });
  return result.data?.viewerPermissions ?? { manageUsers: false, readAuditLog: false, manageIntegrationTokens: false };
}
