import { Alert, Button, Card, Empty, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime, formatTimeRange } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCheckInToActivity } from '../api/check-in-to-activity';
import { useActivity } from '../api/get-activity';

/** Checking in to an activity from a phone: the theme, the code (from the QR link, editable), one big button. */
export function ActivityCheckInView({ activityId, initialCode }: { activityId: string; initialCode: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useActivity(activityId);
  const [form] = Form.useForm<{ code: string }>();
  const [{ fetching: checkingIn }, checkIn] = useCheckInToActivity();
  const [alert, setAlert] = useState<string | null>(null);
  const [doneAt, setDoneAt] = useState<string | null>(null);
  useDocumentTitle(t('activities.checkInPage.title'));

  if (fetching && !data) return <Skeleton active />;
  if (error && !data?.activity)
    return <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const activity = data?.activity;
  if (!activity) return <Empty description={t('activities.notFound')} />;
  const checkedAt = doneAt ?? activity.viewerParticipation?.checkedInAt ?? null;

  const onFinish = async ({ code }: { code: string }) => {
    setAlert(null);
    const result = await checkIn({ input: { activityId, code: code.trim() } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.checkInToActivity;
    const errors = payload?.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, { code: 'code', activityId: 'code' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    setDoneAt(payload?.activity?.viewerParticipation?.checkedInAt ?? new Date().toISOString());
  };

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {activity.theme}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone)}
        {activity.location ? ` · ${activity.location}` : ''}
      </Typography.Paragraph>
      {checkedAt ? (
        <Result
          status="success"
          title={t('activities.checkInPage.done')}
          subTitle={formatDateTime(checkedAt, activity.timeZone)}
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ code: initialCode }} onFinish={(v) => void onFinish(v)}>
          {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="code"
            label={t('activities.checkInPage.code')}
            rules={[{ required: true, message: t('activities.required') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" size="large" maxLength={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={checkingIn}>
            {t('activities.checkInPage.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
