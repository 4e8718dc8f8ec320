import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useLogin, type LoginValues } from '../api/login';

export function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const [{ fetching }, login] = useLogin();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: LoginValues) => {
    setAlert(null);
    const result = await login({ login: values.login.trim(), password: values.password });
    if (result.error) {
      setAlert(describeError(result.error, t, 'login'));
      return;
    }
    const userErrors = result.data?.login.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { login: 'login', password: 'password' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
    }
    // On success the session starts and the login route sends the user on.
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={fetching}>
      {alert && <Alert type="error" showIcon message={alert} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        name="login"
        label={t('login.login')}
        rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          placeholder={t('login.loginPlaceholder')}
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          autoFocus
          size="large"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t('login.passwordPlaceholder')}
          autoComplete="current-password"
          size="large"
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
          {t('login.submit')}
        </Button>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
        {t('login.invitationHint')}
      </Typography.Paragraph>
    </Form>
  );
}
