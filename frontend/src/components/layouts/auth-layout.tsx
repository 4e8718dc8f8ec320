import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { MAIN_ID, SkipLink } from '@/components/skip-link';

/**
 * Login and invitation pages: a centred card, with the language switch available before logging in.
 * Plain HTML and CSS (index.css): the login page is the first screen and loads no UI library.
 */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <SkipLink />
      <header className="app-header">
        <Brand to="/login" />
        <LanguageSwitch />
      </header>
      <main className="auth-main" id={MAIN_ID} tabIndex={-1}>
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{title}</h1>
          <p className="auth-tagline">{t('app.tagline')}</p>
          {children}
        </section>
      </main>
    </div>
  );
}
