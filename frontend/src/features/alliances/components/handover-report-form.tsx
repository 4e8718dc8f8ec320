import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useSubmitHandoverReport } from '../api/submit-handover-report';

/** The current lead convener's handover report on their own term. */
export function HandoverReportForm({ termId, report }: { termId: string; report: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ report: string }>();
  const [{ fetching }, submit] = useSubmitHandoverReport();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: { report: string }) => {
    setAlert(null);
    const result = await submit({ input: { id: termId, report: values.report.trim() } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.submitHandoverReport.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { report: 'report' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('rotation.handoverSaved'));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={fetching}
      initialValues={{ report: report ?? '' }}
      aria-label={t('rotation.handoverTitle')}
      name="handoverReport"
    >
      <Typography.Paragraph type="secondary">{t('rotation.handoverHint')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="report"
        label={t('rotation.handoverReport')}
        rules={[{ required: true, whitespace: true, message: t('rotation.handoverRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} placeholder={t('rotation.handoverPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('rotation.handoverSubmit')}
      </Button>
    </Form>
  );
}
