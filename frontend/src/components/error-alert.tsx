import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { describeError } from '@/lib/graphql/errors';

/** A failed query or mutation, in the user's language, with an optional retry. */
export function ErrorAlert({ error, onRetry, title }: { error: CombinedError; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const message = describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={title ?? message}
      description={title ? message : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
