import { Alert, Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useResetPassword } from '../api/password-reset';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

const TOKEN_CODES = ['INVALID', 'USED', 'EXPIRED', 'REQUIRED'] as const;
type TokenCode = (typeof TOKEN_CODES)[number];

/** Sets a new password from the token of a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, reset] = useResetPassword();
  const [alert, setAlert] = useState<string | null>(null);
  const [badLink, setBadLink] = useState<TokenCode | null>(null);
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <Result
        status="success"
        title={t('accounts.reset.doneTitle')}
        subTitle={t('accounts.reset.doneHint')}
        extra={
          <Link to="/login">
            <Button type="primary" size="large">
              {t('login.submit')}
            </Button>
          </Link>
        }
      />
    );
  }
  if (badLink) {
    return (
      <Result
        status="warning"
        title={t('accounts.reset.badLinkTitle')}
        subTitle={t(`accounts.reset.tokenErrors.${badLink}`)}
        extra={
          <Link to="/forgot-password">
            <Button type="primary" size="large">
              {t('accounts.reset.requestAgain')}
            </Button>
          </Link>
        }
      />
    );
  }

  const onFinish = async ({ newPassword }: Values) => {
    setAlert(null);
    const result = await reset(token, newPassword);
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.resetPassword.userErrors ?? [];
    const tokenError = userErrors.find((e) => e.field.replace(/^input\./, '') === 'token');
    if (tokenError) {
      setBadLink(TOKEN_CODES.find((c) => c === tokenError.code) ?? 'INVALID');
      return;
    }
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { newPassword: 'newPassword' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    setDone(true);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={fetching}
      aria-label={t('accounts.reset.title')}
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="newPassword"
        label={t('accounts.reset.password')}
        extra={t('accounts.reset.passwordHint')}
        rules={[{ required: true, message: t('accounts.reset.passwordRequired') }]}
      >
        <Input.Password size="large" autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('accounts.reset.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('accounts.reset.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('accounts.reset.mismatch'))),
          }),
        ]}
      >
        <Input.Password size="large" autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={fetching}>
        {t('accounts.reset.submit')}
      </Button>
    </Form>
  );
}
