import { useTranslation } from 'react-i18next';

/** The id of every page's one <main>, where the skip link leads. */
export const MAIN_ID = 'main';

/** The first thing the keyboard reaches: jumps past the header and navigation to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('a11y.skipToMain')}
    </a>
  );
}
