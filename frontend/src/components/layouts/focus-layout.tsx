import type { ReactNode } from 'react';
import { Brand } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { MAIN_ID, SkipLink } from '@/components/skip-link';

/**
 * One task on a small screen (checking in to a meeting): no navigation, a narrow centred column.
 * Plain HTML and CSS (first-screen.css), like the login page: a phone opening a QR link loads no UI library.
 */
export function FocusLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-page">
      <SkipLink />
      <header className="app-header">
        <Brand to="/" />
        <LanguageSwitch compact />
      </header>
      <main className="focus-main" id={MAIN_ID} tabIndex={-1}>
        <div className="focus-column">{children}</div>
      </main>
    </div>
  );
}
