import { StrictMode, startTransition } from 'react';
import './first-screen.css';
import './index.css';
import { nextTask } from './lib/next-task';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The app's code evaluates in three pieces, each a task of its own: in one, it was a long task of
// ~150 ms on a phone (Lighthouse's 4x slower CPU). The pieces are fetched at once, without waiting for
// this module: index.html preloads them (`preloadEntryImports` in vite.config.ts).
// The session is restored from the refresh cookie while the app's code loads: every first screen
// waits for that answer (the login form, or the logged-in frame), which so far was asked for only
// once the app had rendered, a round trip after all of its code. (The app asks again, and gets this
// same attempt: `bootstrapSession` runs once per page load.)
void import('./lib/auth/session').then((session) => session.bootstrapSession());

void (async () => {
  // The language strings start loading as this module evaluates.
  await import('./i18n');
  await nextTask();
  const { createRoot } = await import('react-dom/client');
  await nextTask();
  const { App } = await import('./app');
  await nextTask();
  // A transition: React renders the first screen in slices of a few milliseconds and lets the browser
  // handle input in between, instead of in one long task (Lighthouse's Total Blocking Time on a phone).
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
})();
