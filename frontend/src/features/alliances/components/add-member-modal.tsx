import { Alert, App, DatePicker, Form, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useAddAllianceMember } from '../api/add-alliance-member';
import { useOrganizationOptions } from '../api/get-organization-options';

interface AddMemberValues {
  organizationId: string;
  joinedOn: Dayjs;
  rotationOrder?: number | null;
}

const USER_ERROR_FIELDS = { organizationId: 'organizationId', joinedOn: 'joinedOn', rotationOrder: 'rotationOrder' };

/**
 * Adds an organization (searched by name) to the alliance from a date (today by default), optionally at
 * a position in the rotation (last by default). The lead terms not yet started are planned again.
 */
export function AddMemberModal({
  allianceId,
  memberOrganizationIds,
  onClose,
}: {
  allianceId: string;
  memberOrganizationIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<AddMemberValues>();
  const [search, setSearch] = useState('');
  const [{ data, fetching: searching }] = useOrganizationOptions(useDebouncedValue(search.trim()));
  const [{ fetching }, addMember] = useAddAllianceMember();
  const [alert, setAlert] = useState<string | null>(null);

  // Current members are not offered again.
  const options = (data?.organizations.nodes ?? [])
    .filter((organization) => !memberOrganizationIds.includes(organization.id))
    .map((organization) => ({
      value: organization.id,
      label: displayName(organization, language),
    }));

  const onFinish = async (values: AddMemberValues) => {
    setAlert(null);
    const result = await addMember({
      input: {
        allianceId,
        organizationId: values.organizationId,
        joinedOn: values.joinedOn.format('YYYY-MM-DD'),
        // Shown from 1; the API counts from 0.
        rotationOrder: values.rotationOrder ? values.rotationOrder - 1 : null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.addAllianceMember.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, USER_ERROR_FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('allianceMembers.added'));
    onClose();
  };

  return (
    <Modal
      open
      title={t('allianceMembers.addTitle')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('allianceMembers.addSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">{t('allianceMembers.replanHint')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="addAllianceMember"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={{ joinedOn: dayjs() }}
      >
        <Form.Item
          name="organizationId"
          label={t('allianceMembers.organization')}
          rules={[{ required: true, message: t('allianceMembers.organizationRequired') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={searching}
            placeholder={t('allianceMembers.organizationPlaceholder')}
            notFoundContent={searching ? t('common.loading') : t('allianceMembers.noOrganizations')}
            options={options}
          />
        </Form.Item>
        <Form.Item
          name="joinedOn"
          label={t('allianceMembers.joinedOn')}
          rules={[{ required: true, message: t('allianceMembers.joinedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="rotationOrder"
          label={`${t('alliance.rotationOrder')}${t('common.optional')}`}
          extra={t('allianceMembers.rotationOrderHint')}
        >
          <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
