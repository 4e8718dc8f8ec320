import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '@/hooks/use-is-phone';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useDeactivateOrganizationMember } from '../api/deactivate-organization-member';
import type { OrganizationMember } from './organization-members';

/**
 * Confirms that a member leaves the organization, on a date (today by default, not before they joined
 * and not in the future). The membership is kept with its leave date; the list no longer shows them.
 */
export function DeactivateMemberModal({ member, onClose }: { member: OrganizationMember; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<{ leftOn: Dayjs }>();
  const [{ fetching }, deactivate] = useDeactivateOrganizationMember();
  const [alert, setAlert] = useState<string | null>(null);
  const name = member.user.name;
  const joinedOn = dayjs(member.joinedOn);

  const onFinish = async ({ leftOn }: { leftOn: Dayjs }) => {
    setAlert(null);
    const result = await deactivate({ input: { membershipId: member.id, leftOn: leftOn.format('YYYY-MM-DD') } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.deactivateOrganizationMember.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { leftOn: 'leftOn' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('members.deactivated', { name }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('members.deactivateTitle', { name })}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('members.deactivate')}
      okButtonProps={{ danger: true, loading: fetching }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph>{t('members.deactivateConfirm', { name })}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="deactivateMember"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={{ leftOn: dayjs() }}
      >
        <Form.Item
          name="leftOn"
          label={t('members.leftOn')}
          rules={[{ required: true, message: t('members.leftOnRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            allowClear={false}
            disabledDate={(date) => date.isBefore(joinedOn, 'day') || date.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
