import { Button, Flex, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { MAIN_ID, SkipLink } from '@/components/skip-link';

/** Pages open to anyone (public alliance profiles): the brand, the language switch and a way to log in. */
export function PublicLayout({ children, loggedIn }: { children: ReactNode; loggedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="app-header">
        <Brand to={loggedIn ? '/' : '/login'} />
        <Flex align="center" gap={4}>
          <LanguageSwitch compact />
          {!loggedIn && (
            <Link to="/login">
              <Button type="primary">{t('login.title')}</Button>
            </Link>
          )}
        </Flex>
      </Layout.Header>
      {/* antd's Content is the page's one <main>. */}
      <Layout.Content className="app-content" id={MAIN_ID} tabIndex={-1}>
        <div className="app-main">{children}</div>
      </Layout.Content>
    </Layout>
  );
}
