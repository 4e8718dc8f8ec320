// antd 5 renders some pieces (waves, static methods) through ReactDOM APIs that React 19 removed.
import '@ant-design/v5-patch-for-react-19';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { Outlet } from 'react-router';
import { usePrefersReducedMotion } from '@/hooks/use-prefers-reduced-motion';
import { useLanguage } from '@/i18n/use-language';
import ANTD_THEME from './antd-theme.json';
// antd's styles for this theme, made at build time (scripts/antd-css.mjs): the runtime skips making them.
import '@/generated/antd.css';

// The ES module builds: the CommonJS entry points (antd/locale/*) lose their default export in the bundle.
const ANTD_LOCALES = { zh: zhCN, en: enUS } as const;

/**
 * Party red, used sparingly: primary actions, the selected menu entry. Secondary, description and
 * empty-state text is darker than antd's default (0.45 black, 3.4:1 on white): at least 4.5:1 on
 * white and on the light grey page background. The theme is JSON so that scripts/antd-css.mjs bakes
 * the same one into src/generated/antd.css at build time.
 */
const TOKEN = ANTD_THEME.token;
const THEME: ThemeConfig = ANTD_THEME;
const THEME_WITHOUT_MOTION: ThemeConfig = { ...THEME, token: { ...TOKEN, motion: false } };

/**
 * antd's theme, locale and message/modal context, around every page that uses antd. It is a lazily
 * loaded layout route: the login page is plain HTML and CSS, so the first screen loads no antd at all
 * (scripts/weight.sh).
 */
export function AntdShell() {
  const { language } = useLanguage();
  const reducedMotion = usePrefersReducedMotion();
  return (
    // No space inserted into two-character Chinese buttons ("登 录"): screen readers spell it out.
    <ConfigProvider
      locale={ANTD_LOCALES[language]}
      theme={reducedMotion ? THEME_WITHOUT_MOTION : THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>
        <Outlet />
      </AntdApp>
    </ConfigProvider>
  );
}
