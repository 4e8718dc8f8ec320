import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { i18n } from '@/i18n';

/** The server's stable error codes (`extensions.code`), each translated in `errors.codes`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

/** Where an error is shown; a context may word a code differently (see `errors.login`). */
export type ErrorContext = 'login';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** Translates a key built from server data (a code), or returns null when there is no translation. */
function translateIfKnown(t: TFunction, key: string, options?: Record<string, unknown>): string | null {
  return i18n.exists(key) ? (t as unknown as LooseT)(key, options) : null;
}

function codeOf(extensions: Record<string, unknown> | undefined): string | undefined {
  const code = extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function hasErrorCode(error: CombinedError | undefined, code: ErrorCode): boolean {
  return error?.graphQLErrors.some((e) => codeOf(e.extensions) === code) ?? false;
}

/**
 * The message to show for a failed operation: the translation of its error code, with the
 * retry-after delay for RATE_LIMITED; for an unknown code, the server's own message.
 */
export function describeError(error: CombinedError, t: TFunction, context?: ErrorContext): string {
  const first = error.graphQLErrors[0];
  if (!first) {
    return error.networkError ? t('errors.network') : t('errors.unknown');
  }
  const code = codeOf(first.extensions);
  if (!code) return first.message || t('errors.unknown');

  const retryAfter = Number(first.extensions.retryAfter);
  if (code === 'RATE_LIMITED' && !(Number.isFinite(retryAfter) && retryAfter > 0)) {
    return t('errors.rateLimitedNoDelay');
  }
  const options = { retryAfter: Math.ceil(retryAfter) };
  return (
    (context && translateIfKnown(t, `errors.${context}.${code}`, options)) ??
    translateIfKnown(t, `errors.codes.${code}`, options) ??
    (first.message || t('errors.unknown'))
  );
}

export interface UserErrorLike {
  field: string;
  message: string;
  code: string;
}

/** A validation failure in the user's language: field-specific wording first, then the code's, then the server's. */
export function describeUserError(userError: UserErrorLike, t: TFunction): string {
  const field = userError.field.replace(/^input\./, '').split('.')[0] ?? '';
  return (
    translateIfKnown(t, `userErrors.fields.${field}.${userError.code}`) ??
    translateIfKnown(t, `userErrors.codes.${userError.code}`) ??
    userError.message
  );
}
