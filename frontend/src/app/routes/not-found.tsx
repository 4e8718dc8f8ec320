import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAIN_ID, SkipLink } from '@/components/skip-link';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <SkipLink />
      <main id={MAIN_ID} tabIndex={-1}>
        <Result
          status="404"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound.title')}</h1>}
          subTitle={t('notFound.subtitle')}
          extra={
            <Link to="/">
              <Button type="primary">{t('notFound.backHome')}</Button>
            </Link>
          }
        />
      </main>
    </>
  );
}
