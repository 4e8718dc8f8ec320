import { Alert, Button, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '@/gql/graphql';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useInviteMember } from '../api/invite-member';
import { POSITIONS } from './positions';

interface InviteValues {
  name: string;
  email?: string;
  phone?: string;
  position: Position;
  isOrgAdmin: boolean;
}

interface Sent {
  name: string;
  email: string | null;
  acceptUrl: string;
}

const USER_ERROR_FIELDS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  position: 'position',
  isOrgAdmin: 'isOrgAdmin',
};

function trimmedOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The one-time acceptance link of a new invitation, to copy and pass on. */
function SentInvitation({ sent }: { sent: Sent }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="success" showIcon message={t('invite.sent', { name: sent.name })} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{t('invite.linkLabel')}</Typography.Text>
      <Typography.Paragraph
        code
        copyable={{ text: sent.acceptUrl, tooltips: [t('invite.copy'), t('invite.copied')] }}
        style={{ wordBreak: 'break-all', marginTop: 8 }}
        aria-label={t('invite.linkLabel')}
      >
        {sent.acceptUrl}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {sent.email ? `${t('invite.mailed', { email: sent.email })} ` : ''}
        {t('invite.passOn')}
      </Typography.Paragraph>
    </>
  );
}

/**
 * Invites a person to the organization by name and e-mail address or mobile number, with their position
 * and whether they will be an organization admin; then shows the acceptance link with a copy button.
 */
export function InviteMemberModal({ organizationId, onClose }: { organizationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InviteValues>();
  const [{ fetching }, inviteMember] = useInviteMember();
  const [alert, setAlert] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const position = Form.useWatch('position', form);

  const onFinish = async (values: InviteValues) => {
    setAlert(null);
    const email = trimmedOrNull(values.email);
    const result = await inviteMember({
      input: {
        organizationId,
        name: values.name.trim(),
        email,
        phone: trimmedOrNull(values.phone),
        position: values.position,
        isOrgAdmin: values.isOrgAdmin,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.inviteMember;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, USER_ERROR_FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    if (payload?.acceptUrl) {
      setSent({ name: payload.invitation?.name ?? values.name.trim(), email, acceptUrl: payload.acceptUrl });
      form.resetFields();
    }
  };

  const footer = sent ? (
    <>
      <Button onClick={() => setSent(null)}>{t('invite.another')}</Button>
      <Button type="primary" onClick={onClose}>
        {t('invite.done')}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={fetching} onClick={() => form.submit()}>
        {t('invite.submit')}
      </Button>
    </>
  );

  return (
    <Modal
      open
      title={sent ? t('invite.sentTitle') : t('invite.title')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      maskClosable={false}
      footer={footer}
    >
      {sent ? (
        <SentInvitation sent={sent} />
      ) : (
        <>
          {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            name="inviteMember"
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            disabled={fetching}
            initialValues={{ position: 'MEMBER', isOrgAdmin: false }}
          >
            <Form.Item
              name="name"
              label={t('invite.name')}
              rules={[{ required: true, whitespace: true, message: t('invite.nameRequired') }]}
            >
              <Input placeholder={t('invite.namePlaceholder')} maxLength={100} autoComplete="off" />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('invite.contactHint')}</Typography.Paragraph>
            <Form.Item
              name="email"
              label={t('invite.email')}
              dependencies={['phone']}
              rules={[
                { type: 'email', message: t('invite.emailInvalid') },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    value?.trim() || (getFieldValue('phone') as string | undefined)?.trim()
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('invite.contactRequired'))),
                }),
              ]}
            >
              <Input type="email" inputMode="email" autoCapitalize="none" autoComplete="off" maxLength={254} />
            </Form.Item>
            <Form.Item name="phone" label={t('invite.phone')}>
              <Input type="tel" inputMode="tel" autoComplete="off" maxLength={24} />
            </Form.Item>
            <Form.Item
              name="position"
              label={t('invite.position')}
              extra={position === 'SECRETARY' ? t('invite.secretaryHint') : undefined}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={POSITIONS.map((value) => ({ value, label: t(`enums.position.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="isOrgAdmin"
              label={t('invite.isOrgAdmin')}
              valuePropName="checked"
              extra={t('invite.isOrgAdminHint')}
            >
              <Switch />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
