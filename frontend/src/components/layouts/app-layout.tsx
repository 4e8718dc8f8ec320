import {
  ApiOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BulbOutlined,
  BellOutlined,
  CalendarOutlined,
  ShareAltOutlined,
  FlagOutlined,
  CheckSquareOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
  FileDoneOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { MAIN_ID, SkipLink } from '@/components/skip-link';
import { useIsPhone } from '@/hooks/use-is-phone';

const SIDER_WIDTH = 220;

/** Administration pages the viewer may open; the others are not shown. */
export interface AdminLinks {
  users: boolean;
  audit: boolean;
  tokens: boolean;
}

function NavMenu({ onNavigate, adminLinks }: { onNavigate?: () => void; adminLinks?: AdminLinks }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.dashboard')}</Link> },
    { key: '/profile', icon: <UserOutlined />, label: <Link to="/profile">{t('nav.profile')}</Link> },
    { key: '/alliances', icon: <ApartmentOutlined />, label: <Link to="/alliances">{t('nav.alliances')}</Link> },
    { key: '/meetings', icon: <CalendarOutlined />, label: <Link to="/meetings">{t('nav.meetings')}</Link> },
    { key: '/resources', icon: <ShareAltOutlined />, label: <Link to="/resources">{t('resources.nav')}</Link> },
    { key: '/agreements', icon: <FileDoneOutlined />, label: <Link to="/agreements">{t('agreements.nav')}</Link> },
    { key: '/activities', icon: <FlagOutlined />, label: <Link to="/activities">{t('activities.nav')}</Link> },
    {
      key: '/action-items',
      icon: <CheckSquareOutlined />,
      label: <Link to="/action-items">{t('nav.actionItems')}</Link>,
    },
    {
      key: '/my-proposals',
      icon: <BulbOutlined />,
      label: <Link to="/my-proposals">{t('meetingCycle.myProposals')}</Link>,
    },
    {
      key: '/notifications',
      icon: <BellOutlined />,
      label: <Link to="/notifications">{t('nav.notifications')}</Link>,
    },
    { key: '/organizations', icon: <TeamOutlined />, label: <Link to="/organizations">{t('nav.organizations')}</Link> },
    ...(adminLinks?.tokens
      ? [
          {
            key: '/integration-tokens',
            icon: <ApiOutlined />,
            label: <Link to="/integration-tokens">{t('nav.integrationTokens')}</Link>,
          },
        ]
      : []),
    ...(adminLinks?.users
      ? [
          {
            key: '/admin/users',
            icon: <UserSwitchOutlined />,
            label: <Link to="/admin/users">{t('nav.adminUsers')}</Link>,
          },
        ]
      : []),
    ...(adminLinks?.audit
      ? [{ key: '/admin/audit', icon: <AuditOutlined />, label: <Link to="/admin/audit">{t('nav.auditLog')}</Link> }]
      : []),
  ];
  const [first, second] = pathname.split('/').slice(1);
  const selected = first === 'admin' ? `/admin/${second ?? ''}` : '/' + (first ?? '');
  return (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" items={items} selectedKeys={[selected]} onClick={onNavigate} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
}

/** The frame of every logged-in page: a sider on desktop, a drawer behind a hamburger on phones. */
export function AppLayout({
  viewerName,
  onLogout,
  headerExtra,
  adminLinks,
  children,
}: {
  viewerName: string;
  /** Which administration pages to offer in the navigation. */
  adminLinks?: AdminLinks;
  onLogout: () => void;
  /** Shown in the header before the language switch (e.g. the notification bell). */
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const userMenu: MenuProps = {
    items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true }],
    onClick: ({ key }) => {
      if (key === 'logout') onLogout();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header className="app-header">
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              aria-controls="app-nav-drawer"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Brand to="/" />
        </Flex>
        <Flex align="center" gap={4}>
          {headerExtra}
          <LanguageSwitch compact={isPhone} />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button
              type="text"
              // The visible name is part of the accessible name (WCAG 2.5.3, label in name).
              aria-label={isPhone ? t('user.menu') : `${t('user.menu')}：${viewerName}`}
              style={{ paddingInline: 4 }}
            >
              <Flex align="center" gap={8}>
                <Avatar size="small" icon={<UserOutlined />} />
                {!isPhone && (
                  <Typography.Text ellipsis style={{ maxWidth: 160 }}>
                    {viewerName}
                  </Typography.Text>
                )}
              </Flex>
            </Button>
          </Dropdown>
        </Flex>
      </Layout.Header>
      <Layout hasSider={!isPhone}>
        {isPhone ? (
          <Drawer
            id="app-nav-drawer"
            placement="left"
            width={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            closable={{ 'aria-label': t('common.close') }}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu onNavigate={() => setDrawerOpen(false)} adminLinks={adminLinks} />
          </Drawer>
        ) : (
          <Layout.Sider width={SIDER_WIDTH} theme="light" className="app-sider">
            <NavMenu adminLinks={adminLinks} />
          </Layout.Sider>
        )}
        {/* antd's Content is the page's one <main>. */}
        <Layout.Content className="app-content" id={MAIN_ID} tabIndex={-1}>
          <div className="app-main">{children}</div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
