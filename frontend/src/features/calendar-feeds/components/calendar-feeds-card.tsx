import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, List, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { SectionTitle } from '@/components/section-title';
import { displayName, formatDateTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateCalendarFeed } from '../api/create-calendar-feed';
import { useCalendarFeeds } from '../api/get-calendar-feeds';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed';
import { CalendarHowTo } from './calendar-how-to';

/** The whole-list choice in the scope select (a real alliance id is never empty). */
const ALL = '';

function FeedUrlModal({ url, onClose }: { url: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={url !== null}
      title={t('calendarFeeds.urlTitle')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('calendarFeeds.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('calendarFeeds.urlWarning')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{t('calendarFeeds.urlLabel')}</Typography.Text>
      <Typography.Paragraph
        code
        copyable={{ text: url ?? '', tooltips: [t('calendarFeeds.copy'), t('calendarFeeds.copied')] }}
        style={{ wordBreak: 'break-all', marginTop: 8 }}
        aria-label={t('calendarFeeds.urlLabel')}
      >
        {url}
      </Typography.Paragraph>
      {url && <CalendarHowTo url={url} />}
    </Modal>
  );
}

/** Calendar subscriptions on the profile page: create one (all alliances or one), see its URL once, revoke. */
export function CalendarFeedsCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const [{ data, error }, reexecute] = useCalendarFeeds();
  const [{ fetching: creating }, createFeed] = useCreateCalendarFeed();
  const [, revokeFeed] = useRevokeCalendarFeed();
  const [form] = Form.useForm<{ allianceId: string }>();
  const [formOpen, setFormOpen] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);

  const feeds = data?.calendarFeeds ?? [];
  const alliances = (data?.alliances.nodes ?? []).filter((alliance) => alliance.viewerRoles.length > 0);
  type Feed = (typeof feeds)[number];
  const scopeOf = (feed: Feed) =>
    feed.alliance ? displayName(feed.alliance, language) : t('calendarFeeds.allAlliances');

  const onFinish = async ({ allianceId }: { allianceId: string }) => {
    setAlert(null);
    const result = await createFeed({ input: { allianceId: allianceId === ALL ? null : allianceId } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.createCalendarFeed;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { allianceId: 'allianceId' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    if (payload?.url) {
      setFormOpen(false);
      form.resetFields();
      setCreatedUrl(payload.url);
    }
  };

  const confirmRevoke = (feed: Feed) => {
    void modal.confirm({
      title: t('calendarFeeds.revokeTitle'),
      content: t('calendarFeeds.revokeConfirm'),
      okText: t('calendarFeeds.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await revokeFeed(feed.id);
        const userError = result.data?.revokeCalendarFeed.userErrors[0];
        if (result.error) void message.error(`${t('calendarFeeds.failed')}: ${describeError(result.error, t)}`);
        else if (userError) void message.error(`${t('calendarFeeds.failed')}: ${describeUserError(userError, t)}`);
        else void message.success(t('calendarFeeds.revoked'));
      },
    });
  };

  return (
    <Card
      title={<SectionTitle>{t('calendarFeeds.title')}</SectionTitle>}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
          {t('calendarFeeds.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('calendarFeeds.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <List
        aria-label={t('calendarFeeds.title')}
        dataSource={feeds}
        rowKey="id"
        locale={{ emptyText: t('calendarFeeds.empty') }}
        renderItem={(feed) => (
          <List.Item
            actions={[
              <Button
                key="revoke"
                danger
                size="small"
                icon={<StopOutlined />}
                aria-label={t('calendarFeeds.revokeLabel', { scope: scopeOf(feed) })}
                onClick={() => confirmRevoke(feed)}
              >
                {t('calendarFeeds.revoke')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={scopeOf(feed)}
              description={t('calendarFeeds.createdAt', { time: formatDateTime(feed.createdAt) })}
            />
          </List.Item>
        )}
      />
      <Modal
        open={formOpen}
        title={t('calendarFeeds.createTitle')}
        onCancel={() => {
          setFormOpen(false);
          setAlert(null);
        }}
        closable={{ 'aria-label': t('common.close') }}
        okText={t('calendarFeeds.submit')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: creating }}
        forceRender
      >
        {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          name="createCalendarFeed"
          layout="vertical"
          onFinish={onFinish}
          disabled={creating}
          initialValues={{ allianceId: ALL }}
        >
          <Form.Item name="allianceId" label={t('calendarFeeds.scope')}>
            <Select
              options={[
                { value: ALL, label: t('calendarFeeds.allAlliances') },
                ...alliances.map((alliance) => ({ value: alliance.id, label: displayName(alliance, language) })),
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <FeedUrlModal url={createdUrl} onClose={() => setCreatedUrl(null)} />
    </Card>
  );
}
