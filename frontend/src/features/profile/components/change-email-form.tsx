import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useRequestEmailChange } from '../api/update-profile';

interface Values {
  newEmail: string;
}

/** Sends a confirmation link to a new address; the e-mail changes once that link is opened. */
export function ChangeEmailForm({ email }: { email?: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, request] = useRequestEmailChange();
  const [alert, setAlert] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onFinish = async ({ newEmail }: Values) => {
    setAlert(null);
    setSentTo(null);
    const result = await request({ input: { newEmail: newEmail.trim() } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.requestEmailChange;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { newEmail: 'newEmail' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    setSentTo(payload?.sentTo ?? null);
  };

  return (
    <Card title={<SectionTitle>{t('accounts.email.title')}</SectionTitle>}>
      <Typography.Paragraph type="secondary">
        {email ? t('accounts.email.current', { email }) : t('accounts.email.none')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        style={{ maxWidth: 400 }}
        aria-label={t('accounts.email.title')}
      >
        {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
        {sentTo && (
          <Alert type="success" showIcon role="status" message={t('accounts.email.sent', { email: sentTo })} />
        )}
        <Form.Item
          name="newEmail"
          label={t('accounts.email.newEmail')}
          rules={[{ required: true, whitespace: true, message: t('accounts.email.newEmailRequired') }]}
          style={{ marginTop: 16 }}
        >
          <Input type="email" autoComplete="email" autoCapitalize="none" spellCheck={false} style={{ minHeight: 44 }} />
        </Form.Item>
        <Button htmlType="submit" loading={fetching} style={{ minHeight: 44 }}>
          {t('accounts.email.submit')}
        </Button>
      </Form>
    </Card>
  );
}
