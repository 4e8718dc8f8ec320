import { Button, Flex, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';

/** Pages open to anyone (public alliance profiles): the brand, the language switch and a way to log in. */
export function PublicLayout({ children, loggedIn }: { children: ReactNode; loggedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
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
      <Layout.Content className="app-content">
        <main className="app-main">{children}</main>
      </Layout.Content>
    </Layout>
  );
}
