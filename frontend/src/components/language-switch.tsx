import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/i18n';
import { useLanguage } from '@/i18n/use-language';

/** Each language is named in itself, so a reader of either can find their own. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((lng) => ({
          key: lng,
          label: <span lang={lng === 'zh' ? 'zh-CN' : 'en'}>{t(`language.${lng}`)}</span>,
        })),
        onClick: ({ key }) => void setLanguage(key === 'en' ? 'en' : 'zh'),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.switch')} title={t('language.switch')}>
        {compact ? null : t(`language.${language}`)}
      </Button>
    </Dropdown>
  );
}
