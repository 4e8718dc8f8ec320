import { Outlet } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { useViewerPermissions } from '@/features/auth/api/get-viewer-permissions';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { ProtectedRoute } from '@/lib/auth/protected-route';
import { endSession } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';

function LoggedInShell() {
  const session = useSession();
  const permissions = useViewerPermissions();
  if (session.status !== 'authenticated') return null;
  // Once the session has ended, the guard sends the user to /login.
  return (
    <AppLayout
      viewerName={session.viewer.name}
      onLogout={() => void endSession()}
      headerExtra={<NotificationBell />}
      adminLinks={{
        users: permissions.manageUsers,
        audit: permissions.readAuditLog,
        tokens: permissions.manageIntegrationTokens,
      }}
    >
      <Outlet />
    </AppLayout>
  );
}

/** Every logged-in page: the session guard around the layout. */
export function AppRoot() {
  return (
    <ProtectedRoute>
      <LoggedInShell />
    </ProtectedRoute>
  );
}
