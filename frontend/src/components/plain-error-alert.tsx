import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { describeError } from '@/lib/graphql/errors';

/**
 * A failed query, in the user's language, with an optional retry: `ErrorAlert` in plain markup
 * (first-screen.css), for the pages that load no antd (the dashboard).
 */
export function PlainErrorAlert({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-alert plain-error-alert" role="alert">
      <span>{describeError(error, t)}</span>
      {onRetry && (
        <button type="button" className="plain-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
