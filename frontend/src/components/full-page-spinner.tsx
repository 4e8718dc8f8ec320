import { useTranslation } from 'react-i18next';

/** A page still loading: plain HTML and CSS (index.css), so it costs no library on the first screen. */
export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="full-page-spinner" role="status" aria-live="polite">
      <span className="full-page-spinner__wheel" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
