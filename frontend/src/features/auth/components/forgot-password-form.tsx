import { Alert, Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useRequestPasswordReset } from '../api/password-reset';

interface Values {
  login: string;
}

/** Asks for a one-time reset link; the answer is the same whether the login names an account or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, request] = useRequestPasswordReset();
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const backToLogin = (
    <Link to="/login">
      <Button size="large">{t('accounts.forgot.backToLogin')}</Button>
    </Link>
  );
  if (sent) {
    return (
      <Result
        status="success"
        title={t('accounts.forgot.sentTitle')}
        subTitle={t('accounts.forgot.sentHint')}
        extra={backToLogin}
      />
    );
  }

  const onFinish = async ({ login }: Values) => {
    setAlert(null);
    const result = await request(login.trim());
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.requestPasswordReset.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { login: 'login' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    setSent(true);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={fetching}
      aria-label={t('accounts.forgot.title')}
    >
      <p>{t('accounts.forgot.intro')}</p>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="login"
        label={t('accounts.forgot.login')}
        rules={[{ required: true, whitespace: true, message: t('accounts.forgot.loginRequired') }]}
      >
        <Input size="large" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={fetching}>
        {t('accounts.forgot.submit')}
      </Button>
      <div style={{ marginTop: 8 }}>
        <Link to="/login" className="touch-link">
          {t('accounts.forgot.backToLogin')}
        </Link>
      </div>
    </Form>
  );
}
