import { Flex, Layout } from 'antd';
import type { ReactNode } from 'react';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';

/** One task on a small screen (checking in to a meeting): no navigation, a narrow centred column. */
export function FocusLayout({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Brand to="/" />
        <LanguageSwitch compact />
      </Layout.Header>
      <Layout.Content>
        <Flex justify="center" style={{ padding: '24px 12px' }}>
          <main style={{ width: '100%', maxWidth: 480 }}>{children}</main>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
