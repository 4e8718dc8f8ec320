import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime, formatTimeRange } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCheckIn } from '../api/check-in';
import { useCheckInMeeting } from '../api/get-check-in-meeting';

/**
 * Checking in from a phone: the meeting's name, the code (from the QR link, editable), one big button,
 * and the time of check-in once done.
 */
export function CheckInView({ meetingId, initialCode }: { meetingId: string; initialCode: string }) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useCheckInMeeting(meetingId);
  const [form] = Form.useForm<{ code: string }>();
  const [{ fetching: checkingIn }, checkIn] = useCheckIn();
  const [alert, setAlert] = useState<string | null>(null);
  const [checkedInAt, setCheckedInAt] = useState<string | null>(null);
  useDocumentTitle(t('checkIn.title'));

  if (fetching && !data) return <Skeleton active />;
  if (error && !data?.meeting) {
    return <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  const meeting = data?.meeting;
  if (!meeting) return <Empty description={t('checkIn.notFound')} />;

  const doneAt = checkedInAt ?? meeting.viewerAttendance?.checkedInAt ?? null;

  const onFinish = async ({ code }: { code: string }) => {
    setAlert(null);
    const result = await checkIn({ input: { meetingId, code: code.trim() } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.checkIn;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { code: 'code', meetingId: 'code' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    setCheckedInAt(payload?.attendance?.checkedInAt ?? new Date().toISOString());
  };

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0, lineHeight: 1.35 }}>
        {meeting.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
        {formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.alliance.timeZone)}
        {meeting.location && (
          <>
            <br />
            {meeting.location}
          </>
        )}
      </Typography.Paragraph>
      {!doneAt && !meeting.isCheckInOpen ? (
        <Result
          status="info"
          title={
            <span role="status">
              {new Date(meeting.checkInOpensAt) > new Date() &&
              meeting.status !== 'CANCELLED' &&
              meeting.status !== 'COMPLETED'
                ? t('checkIn.notOpenYet', {
                    time: formatDateTime(meeting.checkInOpensAt, meeting.alliance.timeZone),
                  })
                : t('checkIn.closed')}
            </span>
          }
          extra={
            <Link to={`/meetings/${meeting.id}`}>
              <Button size="large">{t('checkIn.toMeeting')}</Button>
            </Link>
          }
        />
      ) : doneAt ? (
        <Result
          icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
          status="success"
          title={<span role="status">{t('checkIn.success')}</span>}
          subTitle={
            <span style={{ fontSize: 16 }}>
              {t('checkIn.checkedInAt', { time: formatDateTime(doneAt, meeting.alliance.timeZone) })}
            </span>
          }
          extra={
            <Link to={`/meetings/${meeting.id}`}>
              <Button size="large">{t('checkIn.toMeeting')}</Button>
            </Link>
          }
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={checkingIn}
          initialValues={{ code: initialCode }}
          aria-label={t('checkIn.title')}
          name="checkIn"
        >
          {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="code"
            label={t('checkIn.code')}
            rules={[{ required: true, whitespace: true, message: t('checkIn.codeRequired') }]}
          >
            <Input
              size="large"
              placeholder={t('checkIn.codePlaceholder')}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              style={{ fontSize: 20, letterSpacing: 2 }}
            />
          </Form.Item>
          <Flex vertical>
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={checkingIn}
              className="check-in-button"
            >
              {t('checkIn.submit')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
