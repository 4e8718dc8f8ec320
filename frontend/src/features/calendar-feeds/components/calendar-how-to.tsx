import { CalendarOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The feed's address with the `webcal:` scheme, which phones and desktop calendars open as a subscription. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://');
}

/** One tap to subscribe on this device, and how to add the address on iOS, Android and Outlook. */
export function CalendarHowTo({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Button
        type="primary"
        icon={<CalendarOutlined />}
        href={webcalUrl(url)}
        block
        style={{ minHeight: 44, marginBottom: 16 }}
      >
        {t('calendarFeeds.subscribeHere')}
      </Button>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('calendarFeeds.howToTitle')}
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20, marginBottom: 0 }}>
        <li>{t('calendarFeeds.howToIos')}</li>
        <li>{t('calendarFeeds.howToAndroid')}</li>
        <li>{t('calendarFeeds.howToOutlook')}</li>
        <li>{t('calendarFeeds.howToRefresh')}</li>
      </ul>
    </div>
  );
}
