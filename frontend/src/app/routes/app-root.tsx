import { Outlet } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { useAuditAccess } from '@/features/audit/api/get-audit-access';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { ProtectedRoute } from '@/lib/auth/protected-route';
import { endSession } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';

function LoggedInShell() {
  const session = useSession();
  const isPlatformAdmin = session.status === 'authenticated' && session.viewer.isPlatformAdmin;
  const audit = useAuditAccess(isPlatformAdmin);
  if (session.status !== 'authenticated') return null;
  // Once the session has ended, the guard sends the user to /login.
  return (
    <AppLayout
      viewerName={session.viewer.name}
      onLogout={() => void endSession()}
      headerExtra={<NotificationBell />}
      adminLinks={{ users: isPlatformAdmin, audit: audit.canRead }}
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
