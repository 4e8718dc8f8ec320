import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, type Language } from './index';

export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'zh';
  return { language, setLanguage: changeLanguage };
}
