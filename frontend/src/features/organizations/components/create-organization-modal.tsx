import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateOrganization } from '../api/create-organization';
import {
  cleanHonours,
  ORGANIZATION_USER_ERROR_FIELDS,
  OrganizationFields,
  type OrganizationFormValues,
} from './organization-fields';

function trimmedOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Creates an organization (platform admins), then opens its page. */
export function CreateOrganizationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<OrganizationFormValues>();
  const [{ fetching }, createOrganization] = useCreateOrganization();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: OrganizationFormValues) => {
    setAlert(null);
    const result = await createOrganization({
      input: {
        name: values.name.trim(),
        nameEn: trimmedOrNull(values.nameEn),
        kind: values.kind,
        hostEntity: trimmedOrNull(values.hostEntity),
        region: trimmedOrNull(values.region),
        foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
        honours: cleanHonours(values.honours),
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.createOrganization;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, ORGANIZATION_USER_ERROR_FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('organizations.created'));
    onClose();
    if (payload?.organization) void navigate(`/organizations/${payload.organization.id}`);
  };

  return (
    <Modal
      open
      title={t('organizations.createTitle')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('organizations.createSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      maskClosable={false}
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="createOrganization"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={{ honours: [] }}
      >
        <OrganizationFields />
      </Form>
    </Modal>
  );
}
