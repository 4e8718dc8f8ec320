import { Alert, App, Button, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '@/gql/graphql';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useUpdateOrganization } from '../api/update-organization';
import {
  cleanHonours,
  ORGANIZATION_USER_ERROR_FIELDS,
  OrganizationFields,
  type OrganizationFormValues,
} from './organization-fields';

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
        // Null clears the founding date.
        foundedOn: values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null,
        honours: cleanHonours(values.honours),
      },
    });
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) setConflict(true);
      else setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.updateOrganization.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, ORGANIZATION_USER_ERROR_FIELDS);
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
        <OrganizationFields foundedOnKept={Boolean(organization.foundedOn)} />
      </Form>
    </Modal>
  );
}
