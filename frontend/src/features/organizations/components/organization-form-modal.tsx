import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '@/gql/graphql';
import { useIsPhone } from '@/hooks/use-is-phone';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useUpdateOrganization } from '../api/update-organization';

export const ORGANIZATION_KINDS: OrganizationKind[] = [
  'ENTERPRISE_BRANCH',
  'SOCIAL_ORGANIZATION',
  'COMMUNITY',
  'SCHOOL',
  'HOSPITAL',
  'CHAMBER_OF_COMMERCE',
  'GOVERNMENT_DEPARTMENT',
  'OTHER',
];

const USER_ERROR_FIELDS = {
  name: 'name',
  nameEn: 'nameEn',
  kind: 'kind',
  hostEntity: 'hostEntity',
  region: 'region',
  foundedOn: 'foundedOn',
  honours: 'honours',
};

/** The organization as read: the form starts from it and sends its `version` back. */
export interface EditedOrganization {
  id: string;
  version: number;
  name: string;
  nameEn: string | null;
  kind: OrganizationKind;
  hostEntity: string | null;
  region: string | null;
  foundedOn: string | null;
  honours: readonly string[];
}

interface OrganizationFormValues {
  name: string;
  nameEn?: string;
  kind: OrganizationKind;
  hostEntity?: string;
  region?: string;
  foundedOn?: Dayjs | null;
  honours?: string[];
}

function formValues(organization: EditedOrganization): OrganizationFormValues {
  return {
    name: organization.name,
    nameEn: organization.nameEn ?? '',
    kind: organization.kind,
    hostEntity: organization.hostEntity ?? '',
    region: organization.region ?? '',
    foundedOn: organization.foundedOn ? dayjs(organization.foundedOn) : null,
    honours: [...organization.honours],
  };
}

/**
 * Edits the organization's profile (its admins and secretary, platform admins). Every field is sent: a
 * blank text clears it. A change by someone else since the page was read is refused (CONFLICT); then
 * "reload" fetches the latest version and starts the form over from it.
 */
export function OrganizationFormModal({
  organization,
  onReload,
  onClose,
}: {
  organization: EditedOrganization;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<OrganizationFormValues>();
  const [{ fetching }, updateOrganization] = useUpdateOrganization();
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const reloadRequested = useRef(false);

  // After "reload", the refetched organization (a new version) replaces what the form holds.
  useEffect(() => {
    if (!reloadRequested.current) return;
    reloadRequested.current = false;
    form.resetFields();
    form.setFieldsValue(formValues(organization));
    setConflict(false);
    setAlert(null);
    // Only a new version of the organization starts the form over, not every render.
  }, [organization.version]);

  const reload = () => {
    reloadRequested.current = true;
    onReload();
  };

  const onFinish = async (values: OrganizationFormValues) => {
    setAlert(null);
    setConflict(false);
    const result = await updateOrganization({
      input: {
        id: organization.id,
        version: organization.version,
        name: values.name.trim(),
        // Blank clears an optional text.
        nameEn: values.nameEn?.trim() ?? '',
        kind: values.kind,
        hostEntity: values.hostEntity?.trim() ?? '',
        region: values.region?.trim() ?? '',
        // Null leaves it as it is (the API cannot clear a founding date).
        foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
        honours: (values.honours ?? []).map((honour) => honour.trim()).filter((honour) => honour.length > 0),
      },
    });
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) setConflict(true);
      else setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.updateOrganization.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, USER_ERROR_FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('organization.saved'));
    onClose();
  };

  return (
    <Modal
      open
      title={t('organization.editTitle')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('organization.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching, disabled: conflict }}
      maskClosable={false}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('organization.conflict')}
          action={
            <Button size="small" onClick={reload}>
              {t('organization.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="editOrganization"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={formValues(organization)}
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
        <Form.Item
          name="foundedOn"
          label={t('organization.foundedOn')}
          extra={organization.foundedOn ? t('organization.foundedOnKept') : undefined}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            allowClear={!organization.foundedOn}
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
