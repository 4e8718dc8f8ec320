import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateAgreement } from '../api/create-agreement';

interface Values {
  title: string;
  body?: string;
  term: [Dayjs, Dayjs];
  parties: string[];
  renewalReminderDays?: number;
}

/** Drafts an agreement between member organizations of the alliance. */
export function AgreementFormModal({
  open,
  allianceId,
  members,
  onClose,
}: {
  open: boolean;
  allianceId: string;
  members: readonly { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, createAgreement] = useCreateAgreement();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setAlert(null);
    const result = await createAgreement({
      input: {
        allianceId,
        title: values.title,
        body: values.body ?? null,
        validFrom: values.term[0].format('YYYY-MM-DD'),
        validUntil: values.term[1].format('YYYY-MM-DD'),
        parties: values.parties,
        renewalReminderDays: values.renewalReminderDays ?? null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.createAgreement;
    if (payload && payload.userErrors.length > 0) {
      const unmatched = showUserErrors(form, payload.userErrors, t, {
        title: 'title',
        body: 'body',
        validFrom: 'term',
        validUntil: 'term',
        parties: 'parties',
        renewalReminderDays: 'renewalReminderDays',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('agreements.created'));
    form.resetFields();
    onClose();
    if (payload?.agreement) void navigate(`/agreements/${encodeURIComponent(payload.agreement.id)}`);
  };

  return (
    <Modal
      open={open}
      title={t('agreements.create')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('agreements.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ renewalReminderDays: 30 }}>
        <Form.Item
          name="title"
          label={t('agreements.fields.title')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="parties"
          label={t('agreements.fields.parties')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Select
            mode="multiple"
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item
          name="term"
          label={t('agreements.fields.term')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="renewalReminderDays" label={t('agreements.fields.reminderDays')}>
          <InputNumber min={0} max={365} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="body" label={t('agreements.fields.body')}>
          <Input.TextArea rows={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
