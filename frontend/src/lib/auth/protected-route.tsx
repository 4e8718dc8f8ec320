import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { loginPath } from './redirect';
import { useSession } from './use-session';

/** Renders its children for a logged-in user; sends anyone else to /login and back here afterwards. */
export function ProtectedRoute({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <FullPageSpinner />;
  if (session.status === 'anonymous') {
    // After a logout start afresh; after an expired session come back here once logged in again.
    const returnTo = session.loggedOut ? '' : location.pathname + location.search + location.hash;
    return <Navigate to={loginPath(returnTo)} replace />;
  }
  return children;
}
