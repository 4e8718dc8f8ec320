import { Alert, App, Button, Descriptions, Form, Input, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { formatDateTime } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitation } from '../api/get-invitation';

interface PasswordValues {
  password: string;
  passwordConfirm: string;
}

export function InvitationAcceptance({ token }: { token: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [{ data, error, fetching }, reexecute] = useInvitation(token);
  const [{ fetching: accepting }, accept] = useAcceptInvitation();
  const [form] = Form.useForm<PasswordValues>();
  const [alert, setAlert] = useState<string | null>(null);

  if (fetching && !data) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  const invitation = data?.invitation;
  const toLogin = (
    <Link to="/login">
      <Button type="primary">{t('invitation.goToLogin')}</Button>
    </Link>
  );
  if (!invitation) {
    return (
      <Result
        status="warning"
        title={t('invitation.notFound')}
        subTitle={t('invitation.notFoundHint')}
        extra={toLogin}
      />
    );
  }
  if (invitation.accepted) {
    return (
      <Result status="info" title={t('invitation.accepted')} subTitle={t('invitation.acceptedHint')} extra={toLogin} />
    );
  }
  if (invitation.expired) {
    return <Result status="warning" title={t('invitation.expired')} subTitle={t('invitation.expiredHint')} />;
  }

  const onFinish = async (values: PasswordValues) => {
    setAlert(null);
    const result = await accept(token, values.password);
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.acceptInvitation;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { password: 'password' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    if (payload?.user) {
      void message.success(t('invitation.welcome', { name: payload.user.name }));
      // A newcomer starts on the profile, which shows the organization they just joined.
      navigate('/profile', { replace: true });
    }
  };

  return (
    <>
      <Alert type="info" showIcon message={t('invitation.intro', { organization: invitation.organizationName })} />
      <Descriptions column={1} size="small" style={{ margin: '16px 0' }}>
        <Descriptions.Item label={t('invitation.organization')}>{invitation.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.name')}>{invitation.name}</Descriptions.Item>
        {invitation.email && <Descriptions.Item label={t('invitation.email')}>{invitation.email}</Descriptions.Item>}
        {invitation.phone && <Descriptions.Item label={t('invitation.phone')}>{invitation.phone}</Descriptions.Item>}
        <Descriptions.Item label={t('invitation.expiresAt')}>{formatDateTime(invitation.expiresAt)}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={accepting}>
        {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
        {/* Lets password managers store the new password under the right account. */}
        <input
          type="hidden"
          name="username"
          autoComplete="username"
          value={invitation.email ?? invitation.phone ?? ''}
        />
        <Form.Item
          name="password"
          label={t('invitation.password')}
          extra={t('invitation.passwordHint')}
          rules={[{ required: true, message: t('invitation.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" size="large" />
        </Form.Item>
        <Form.Item
          name="passwordConfirm"
          label={t('invitation.passwordConfirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('invitation.passwordConfirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('invitation.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={accepting}>
          {t('invitation.submit')}
        </Button>
      </Form>
    </>
  );
}
