import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useSignAgreement } from '../api/sign-agreement';
import { useTerminateAgreement } from '../api/terminate-agreement';

/** Signs for one party: signatory name, position and date. */
export function SignModal({
  agreementId,
  party,
  onClose,
  onDone,
}: {
  agreementId: string;
  party: { id: string; name: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ signatoryName: string; signatoryPosition?: string; signedOn?: Dayjs }>();
  const [{ fetching }, signAgreement] = useSignAgreement();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: { signatoryName: string; signatoryPosition?: string; signedOn?: Dayjs }) => {
    if (!party) return;
    setAlert(null);
    const result = await signAgreement({
      input: {
        id: agreementId,
        organizationId: party.id,
        signatoryName: values.signatoryName,
        signatoryPosition: values.signatoryPosition ?? null,
        signedOn: values.signedOn ? values.signedOn.format('YYYY-MM-DD') : null,
      },
    });
    if (result.error) {
      setAlert(hasErrorCode(result.error, 'CONFLICT') ? t('agreements.conflict') : describeError(result.error, t));
      if (hasErrorCode(result.error, 'CONFLICT')) onDone();
      return;
    }
    const errors = result.data?.signAgreement.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, {
        signatoryName: 'signatoryName',
        signatoryPosition: 'signatoryPosition',
        signedOn: 'signedOn',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('agreements.signed'));
    form.resetFields();
    onClose();
    onDone();
  };

  return (
    <Modal
      open={party !== null}
      title={party ? t('agreements.signFor', { name: party.name }) : ''}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('agreements.sign')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="signatoryName"
          label={t('agreements.fields.signatoryName')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="signatoryPosition" label={t('agreements.fields.signatoryPosition')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="signedOn" label={t('agreements.fields.signedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Ends the agreement early with a reason. */
export function TerminateModal({
  open,
  agreementId,
  version,
  onClose,
  onDone,
}: {
  open: boolean;
  agreementId: string;
  version: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [{ fetching }, terminateAgreement] = useTerminateAgreement();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: { reason: string }) => {
    setAlert(null);
    const result = await terminateAgreement({ input: { id: agreementId, version, reason: values.reason } });
    if (result.error) {
      setAlert(hasErrorCode(result.error, 'CONFLICT') ? t('agreements.conflict') : describeError(result.error, t));
      return;
    }
    const errors = result.data?.terminateAgreement.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, { reason: 'reason' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    onClose();
    onDone();
  };

  return (
    <Modal
      open={open}
      title={t('agreements.terminate')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('agreements.terminate')}
      okButtonProps={{ danger: true, loading: fetching }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('agreements.fields.reason')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
