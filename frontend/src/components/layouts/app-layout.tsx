import ApartmentOutlined from '@ant-design/icons-svg/es/asn/ApartmentOutlined';
import ApiOutlined from '@ant-design/icons-svg/es/asn/ApiOutlined';
import AuditOutlined from '@ant-design/icons-svg/es/asn/AuditOutlined';
import BellOutlined from '@ant-design/icons-svg/es/asn/BellOutlined';
import BulbOutlined from '@ant-design/icons-svg/es/asn/BulbOutlined';
import CalendarOutlined from '@ant-design/icons-svg/es/asn/CalendarOutlined';
import CheckSquareOutlined from '@ant-design/icons-svg/es/asn/CheckSquareOutlined';
import CloseOutlined from '@ant-design/icons-svg/es/asn/CloseOutlined';
import FileDoneOutlined from '@ant-design/icons-svg/es/asn/FileDoneOutlined';
import FlagOutlined from '@ant-design/icons-svg/es/asn/FlagOutlined';
import HomeOutlined from '@ant-design/icons-svg/es/asn/HomeOutlined';
import LogoutOutlined from '@ant-design/icons-svg/es/asn/LogoutOutlined';
import MenuOutlined from '@ant-design/icons-svg/es/asn/MenuOutlined';
import ShareAltOutlined from '@ant-design/icons-svg/es/asn/ShareAltOutlined';
import TeamOutlined from '@ant-design/icons-svg/es/asn/TeamOutlined';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import UserSwitchOutlined from '@ant-design/icons-svg/es/asn/UserSwitchOutlined';
import type { IconDefinition } from '@ant-design/icons-svg/es/types';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { PlainIcon } from '@/components/plain-icon';
import { MAIN_ID, SkipLink } from '@/components/skip-link';
import { useIsPhone } from '@/hooks/use-is-phone';
import './app-layout.css';

// The frame of every logged-in page in plain HTML and CSS (app-layout.css), like the login and
// check-in pages: the dashboard is the first screen after logging in, and antd's Layout, Menu,
// Drawer and Dropdown were most of its first render on a phone. The pages inside keep antd.

/** Administration pages the viewer may open; the others are not shown. */
export interface AdminLinks {
  users: boolean;
  audit: boolean;
  tokens: boolean;
}

interface NavItem {
  to: string;
  icon: IconDefinition;
  label: string;
}

/** The navigation entry a path belongs to: its first segment (two under /admin). */
function selectedKey(pathname: string): string {
  const [first, second] = pathname.split('/').slice(1);
  return first === 'admin' ? `/admin/${second ?? ''}` : '/' + (first ?? '');
}

function NavMenu({ onNavigate, adminLinks }: { onNavigate?: () => void; adminLinks?: AdminLinks }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items: NavItem[] = [
    { to: '/', icon: HomeOutlined, label: t('nav.dashboard') },
    { to: '/profile', icon: UserOutlined, label: t('nav.profile') },
    { to: '/alliances', icon: ApartmentOutlined, label: t('nav.alliances') },
    { to: '/meetings', icon: CalendarOutlined, label: t('nav.meetings') },
    { to: '/resources', icon: ShareAltOutlined, label: t('resources.nav') },
    { to: '/agreements', icon: FileDoneOutlined, label: t('agreements.nav') },
    { to: '/activities', icon: FlagOutlined, label: t('activities.nav') },
    { to: '/action-items', icon: CheckSquareOutlined, label: t('nav.actionItems') },
    { to: '/my-proposals', icon: BulbOutlined, label: t('meetingCycle.myProposals') },
    { to: '/notifications', icon: BellOutlined, label: t('nav.notifications') },
    { to: '/organizations', icon: TeamOutlined, label: t('nav.organizations') },
    ...(adminLinks?.tokens
      ? [{ to: '/integration-tokens', icon: ApiOutlined, label: t('nav.integrationTokens') }]
      : []),
    ...(adminLinks?.users ? [{ to: '/admin/users', icon: UserSwitchOutlined, label: t('nav.adminUsers') }] : []),
    ...(adminLinks?.audit ? [{ to: '/admin/audit', icon: AuditOutlined, label: t('nav.auditLog') }] : []),
  ];
  const selected = selectedKey(pathname);
  return (
    <nav aria-label={t('nav.main')} className="app-nav">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className="app-nav__link"
              aria-current={item.to === selected ? 'page' : undefined}
              onClick={onNavigate}
            >
              <PlainIcon icon={item.icon} className="app-nav__icon" />
              <span>{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The phone's navigation: a modal <dialog> sliding in from the left. The browser keeps the focus in it,
 * makes the page behind inert and closes it on Escape; a tap beside it closes it too.
 */
function NavDrawer({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      id="app-nav-drawer"
      className="app-drawer"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the dialog itself, not on its panel, is a click on the backdrop.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="app-drawer__panel">
        <div className="app-drawer__header">
          <button type="button" className="plain-button" aria-label={t('common.close')} onClick={onClose}>
            <PlainIcon icon={CloseOutlined} />
          </button>
          <div id={titleId} className="app-drawer__title">
            {t('app.name')}
          </div>
        </div>
        {open && children}
      </div>
    </dialog>
  );
}

/** The user's button and its menu (one entry: log out), a WAI-ARIA menu button. */
function UserMenu({ viewerName, compact, onLogout }: { viewerName: string; compact: boolean; onLogout: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return undefined;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="plain-button user-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // The visible name is part of the accessible name (WCAG 2.5.3, label in name).
        aria-label={compact ? t('user.menu') : `${t('user.menu')}：${viewerName}`}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          <PlainIcon icon={UserOutlined} />
        </span>
        {!compact && <span className="user-menu__name">{viewerName}</span>}
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label={t('user.menu')} className="user-menu__list" onKeyDown={onMenuKeyDown}>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              className="user-menu__item user-menu__item--danger"
              onClick={() => {
                setOpen(false);
                onLogout();
              }}
            >
              <PlainIcon icon={LogoutOutlined} />
              <span>{t('user.logout')}</span>
            </button>
          </li>
        </ul>
      )}
    </div>
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
  const { pathname } = useLocation();

  // Leaving the page (a link in the drawer, the browser's back button) closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <div className="app-frame">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__start">
          {isPhone && (
            <button
              type="button"
              className="plain-button"
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              aria-controls="app-nav-drawer"
              onClick={() => setDrawerOpen(true)}
            >
              <PlainIcon icon={MenuOutlined} />
            </button>
          )}
          <Brand to="/" />
        </div>
        <div className="app-header__end">
          {headerExtra}
          <LanguageSwitch compact={isPhone} />
          <UserMenu viewerName={viewerName} compact={isPhone} onLogout={onLogout} />
        </div>
      </header>
      <div className="app-body">
        {isPhone ? (
          <NavDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)}>
            <NavMenu onNavigate={() => setDrawerOpen(false)} adminLinks={adminLinks} />
          </NavDrawer>
        ) : (
          <div className="app-sider">
            <NavMenu adminLinks={adminLinks} />
          </div>
        )}
        {/* The page's one <main>. */}
        <main className="app-content" id={MAIN_ID} tabIndex={-1}>
          <div className="app-main">{children}</div>
        </main>
      </div>
    </div>
  );
}
