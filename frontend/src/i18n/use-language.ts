// The ES module builds: the CommonJS entry points (antd/locale/*) lose their default export in the bundle.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, type Language } from './index';

const ANTD_LOCALES = { zh: zhCN, en: enUS } as const;

export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'zh';
  return {
    language,
    antdLocale: ANTD_LOCALES[language],
    setLanguage: changeLanguage,
  };
}
