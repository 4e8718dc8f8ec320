import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [{ fetching }, changePassword] = useChangePassword();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async ({ currentPassword, newPassword }: ChangePasswordValues) => {
    setAlert(null);
    const result = await changePassword({ input: { currentPassword, newPassword } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.changePassword.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, {
        currentPassword: 'currentPassword',
        newPassword: 'newPassword',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    void message.success(t('changePassword.success'));
  };

  return (
    <Card title={<SectionTitle>{t('changePassword.title')}</SectionTitle>}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        style={{ maxWidth: 400 }}
        aria-label={t('changePassword.title')}
      >
        {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="currentPassword"
          label={t('changePassword.current')}
          rules={[{ required: true, message: t('changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('changePassword.new')}
          extra={t('changePassword.newHint')}
          rules={[{ required: true, message: t('changePassword.newRequired') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching}>
          {t('changePassword.submit')}
        </Button>
      </Form>
    </Card>
  );
}
