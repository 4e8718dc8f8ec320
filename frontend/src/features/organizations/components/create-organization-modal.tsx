import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OrganizationKind } from '@/gql/graphql';
import { useIsPhone } from '@/hooks/use-is-phone';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateOrganization } from '../api/create-organization';
import { ORGANIZATION_KINDS } from './organization-form-modal';

const USER_ERROR_FIELDS = {
  name: 'name',
  nameEn: 'nameEn',
  kind: 'kind',
  hostEntity: 'hostEntity',
  region: 'region',
  foundedOn: 'foundedOn',
  honours: 'honours',
};

interface CreateOrganizationValues {
  name: string;
  nameEn?: string;
  kind: OrganizationKind;
  hostEntity?: string;
  region?: string;
  foundedOn?: Dayjs | null;
  honours?: string[];
}

function trimmedOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Creates an organization (platform admins), then opens its page. */
export function CreateOrganizationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CreateOrganizationValues>();
  const [{ fetching }, createOrganization] = useCreateOrganization();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: CreateOrganizationValues) => {
    setAlert(null);
    const result = await createOrganization({
      input: {
        name: values.name.trim(),
        nameEn: trimmedOrNull(values.nameEn),
        kind: values.kind,
        hostEntity: trimmedOrNull(values.hostEntity),
        region: trimmedOrNull(values.region),
        foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
        honours: (values.honours ?? []).map((honour) => honour.trim()).filter((honour) => honour.length > 0),
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.createOrganization;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, USER_ERROR_FIELDS);
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
        <Form.Item
          name="name"
          label={t('organization.name')}
          rules={[{ required: true, whitespace: true, message: t('organization.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('organization.nameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('organization.kind')}
          rules={[{ required: true, message: t('organization.kindRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`enums.organizationKind.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="hostEntity" label={t('organization.hostEntity')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="region" label={t('organization.region')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('organization.foundedOn')}>
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="honours" label={t('organization.honours')} extra={t('organization.honoursHint')}>
          <Select
            mode="tags"
            placeholder={t('organization.honoursPlaceholder')}
            notFoundContent={null}
            suffixIcon={null}
            maxCount={50}
            options={[]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
