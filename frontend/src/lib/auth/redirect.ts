/** Where login lands: the dashboard, which shows the viewer's alliances whatever their role. */
export const HOME_PATH = '/';

/** The login page, remembering where to return to. */
export function loginPath(returnTo: string): string {
  return returnTo && returnTo !== '/' && returnTo !== HOME_PATH
    ? `/login?next=${encodeURIComponent(returnTo)}`
    : '/login';
}

/** Only same-site paths are followed after login, never `//evil.example` or absolute URLs. */
export function safeReturnPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) {
    return HOME_PATH;
  }
  return next;
}
