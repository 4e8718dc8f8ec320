import { App as AntdApp, ConfigProvider, theme, type ThemeConfig } from 'antd';
import { useEffect, useMemo, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { usePrefersReducedMotion } from '@/hooks/use-prefers-reduced-motion';
import { useLanguage } from '@/i18n/use-language';
import { bootstrapSession } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { createGraphqlClient } from '@/lib/graphql/client';

/** Party red, used sparingly: primary actions, the selected menu entry. */
const TOKEN = { colorPrimary: '#c8161d', colorLink: '#c8161d', borderRadius: 6 };
const THEME: ThemeConfig = { algorithm: theme.defaultAlgorithm, token: TOKEN };
const THEME_WITHOUT_MOTION: ThemeConfig = { ...THEME, token: { ...TOKEN, motion: false } };

export function AppProvider({ children }: { children: ReactNode }) {
  const { antdLocale } = useLanguage();
  const reducedMotion = usePrefersReducedMotion();
  const session = useSession();
  const viewerId = session.status === 'authenticated' ? session.viewer.id : null;

  // Restore the session from the refresh cookie (once, even under StrictMode's double effects).
  useEffect(() => {
    void bootstrapSession();
  }, []);

  // A fresh client (and so an empty cache) whenever the viewer changes.
  const client = useMemo(() => createGraphqlClient(), [viewerId]);

  return (
    // No space inserted into two-character Chinese buttons ("登 录"): screen readers spell it out.
    <ConfigProvider
      locale={antdLocale}
      theme={reducedMotion ? THEME_WITHOUT_MOTION : THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>
        <UrqlProvider value={client}>{children}</UrqlProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
