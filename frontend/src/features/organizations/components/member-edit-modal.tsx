import { Alert, App, Form, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '@/gql/graphql';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useUpdateOrganizationMember } from '../api/update-organization-member';
import type { OrganizationMember } from './organization-members';
import { POSITIONS } from './positions';

interface MemberValues {
  position: Position;
  isOrgAdmin: boolean;
}

/**
 * Changes a member's position and org-admin flag. An organization has one current secretary: naming a
 * second one is refused with `TAKEN` on `position`, shown on that field.
 */
export function MemberEditModal({ member, onClose }: { member: OrganizationMember; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberValues>();
  const [{ fetching }, updateMember] = useUpdateOrganizationMember();
  const [alert, setAlert] = useState<string | null>(null);
  const name = member.user.name;

  const onFinish = async (values: MemberValues) => {
    setAlert(null);
    const result = await updateMember({
      input: { membershipId: member.id, position: values.position, isOrgAdmin: values.isOrgAdmin },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.updateOrganizationMember.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { position: 'position', isOrgAdmin: 'isOrgAdmin' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('members.saved', { name }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('members.editTitle', { name })}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="editMember"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={{ position: member.position, isOrgAdmin: member.isOrgAdmin }}
      >
        <Form.Item name="position" label={t('members.position')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={POSITIONS.map((position) => ({ value: position, label: t(`enums.position.${position}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="isOrgAdmin"
          label={t('members.isOrgAdmin')}
          valuePropName="checked"
          extra={t('members.isOrgAdminHint')}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
