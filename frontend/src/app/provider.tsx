import { useEffect, useMemo, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { bootstrapSession } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { createGraphqlClient } from '@/lib/graphql/client';

/** The GraphQL client and the session, for every page. antd's providers are in `AntdShell`. */
export function AppProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const viewerId = session.status === 'authenticated' ? session.viewer.id : null;

  // Restore the session from the refresh cookie (once, even under StrictMode's double effects).
  useEffect(() => {
    void bootstrapSession();
  }, []);

  // A fresh client (and so an empty cache) whenever the viewer changes.
  const client = useMemo(() => createGraphqlClient(), [viewerId]);

  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}
