import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useRemoveAllianceMember } from '../api/remove-alliance-member';
import type { AllianceMember } from './member-list';

/**
 * Confirms that a member organization leaves the alliance on a date: the first day it is no longer a
 * member, after the day it joined (today by default, or the day after joining for one that joined today).
 * The lead terms not yet started are planned again without it.
 */
export function RemoveMemberModal({
  allianceId,
  member,
  onClose,
}: {
  allianceId: string;
  member: AllianceMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<{ leftOn: Dayjs }>();
  const [{ fetching }, removeMember] = useRemoveAllianceMember();
  const [alert, setAlert] = useState<string | null>(null);
  const name = displayName(member.organization, language);
  const joinedOn = dayjs(member.joinedOn);
  const today = dayjs().startOf('day');
  const defaultLeftOn = today.isAfter(joinedOn, 'day') ? today : joinedOn.add(1, 'day');

  const onFinish = async ({ leftOn }: { leftOn: Dayjs }) => {
    setAlert(null);
    const result = await removeMember({
      input: { allianceId, organizationId: member.organization.id, leftOn: leftOn.format('YYYY-MM-DD') },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.removeAllianceMember.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { leftOn: 'leftOn' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('allianceMembers.removed', { name }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('allianceMembers.removeTitle', { name })}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('allianceMembers.remove')}
      okButtonProps={{ danger: true, loading: fetching }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph>{t('allianceMembers.removeConfirm', { name })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('allianceMembers.replanHint')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="removeAllianceMember"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={{ leftOn: defaultLeftOn }}
      >
        <Form.Item
          name="leftOn"
          label={t('allianceMembers.leftOn')}
          extra={t('allianceMembers.leftOnHint')}
          rules={[{ required: true, message: t('allianceMembers.leftOnRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            allowClear={false}
            disabledDate={(date) => !date.isAfter(joinedOn, 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
