import { Card, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';

/** Login and invitation pages: a centred card, with the language switch available before logging in. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Brand to="/login" />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content>
        <Flex justify="center" style={{ padding: '32px 12px' }}>
          <Card style={{ width: '100%', maxWidth: 420 }}>
            <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
              {title}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
            {children}
          </Card>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
