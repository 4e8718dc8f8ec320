import { Flex, Layout } from 'antd';
import type { ReactNode } from 'react';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { MAIN_ID, SkipLink } from '@/components/skip-link';

/** One task on a small screen (checking in to a meeting): no navigation, a narrow centred column. */
export function FocusLayout({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="app-header">
        <Brand to="/" />
        <LanguageSwitch compact />
      </Layout.Header>
      {/* antd's Content is the page's one <main>. */}
      <Layout.Content id={MAIN_ID} tabIndex={-1}>
        <Flex justify="center" style={{ padding: '24px 12px' }}>
          <div style={{ width: '100%', maxWidth: 480 }}>{children}</div>
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
