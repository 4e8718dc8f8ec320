import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/i18n/use-language';

/**
 * Two languages, so one tap switches to the other, which is named in itself ("English", "简体中文")
 * so that a reader of either finds their own. A plain button: no menu on the login page's path
 * (scripts/weight.sh).
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const other = language === 'en' ? 'zh' : 'en';
  const name = t(`language.${other}`);
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      aria-label={name}
      title={t('language.switch')}
      onClick={() => void setLanguage(other)}
    >
      {compact ? null : name}
    </Button>
  );
}
