import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/i18n/use-language';

/** The globe of the language switch, drawn inline: no icon library on the login page's path. */
function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="1.8">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
      </g>
    </svg>
  );
}

/**
 * Two languages, so one tap switches to the other, which is named in itself ("English", "简体中文")
 * so that a reader of either finds their own. A plain button (index.css), no library.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const other = language === 'en' ? 'zh' : 'en';
  const name = t(`language.${other}`);
  return (
    <button
      type="button"
      className="plain-button"
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      aria-label={name}
      title={t('language.switch')}
      onClick={() => void setLanguage(other)}
    >
      <GlobeIcon />
      {compact ? null : <span>{name}</span>}
    </button>
  );
}
