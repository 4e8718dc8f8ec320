import { useDeferredValue, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { loginPath } from './redirect';
import { useSession } from './use-session';

/** Renders its children for a logged-in user; sends anyone else to /login and back here afterwards. */
export function ProtectedRoute({ children }: { children: ReactNode }) {
  // The session store changes synchronously (useSyncExternalStore); the logged-in page it reveals is
  // rendered in a background pass instead, which yields to input every few milliseconds: at once, the
  // frame and the dashboard were one long task on a phone.
  const session = useDeferredValue(useSession());
  const location = useLocation();
  if (session.status === 'unknown') return <FullPageSpinner />;
  if (session.status === 'anonymous') {
    // After a logout start afresh; after an expired session come back here once logged in again.
    const returnTo = session.loggedOut ? '' : location.pathname + location.search + location.hash;
    return <Navigate to={loginPath(returnTo)} replace />;
  }
  return children;
}
