import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { SectionTitle } from '@/components/section-title';
import type { GrantedRole } from '@/gql/graphql';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useGrantCandidates } from '../api/get-grant-candidates';
import { useGrantAllianceRole } from '../api/grant-alliance-role';

const ROLES: GrantedRole[] = ['ALLIANCE_ADMIN', 'SUPERVISOR'];

interface GrantValues {
  userId: string;
  role: GrantedRole;
}

/**
 * The platform admin's "grant a role" form on the alliance page: a person of one of the member
 * organizations becomes an alliance admin or a supervisor of the alliance.
 */
export function GrantRoleCard({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const [{ data, error, fetching: loading }, reexecute] = useGrantCandidates(allianceId);
  const [{ fetching }, grantRole] = useGrantAllianceRole();
  const [alert, setAlert] = useState<string | null>(null);

  // People grouped by organization; someone in two member organizations is offered once.
  const seen = new Set<string>();
  const names = new Map<string, string>();
  const groups = (data?.alliance?.members.nodes ?? [])
    .map((membership) => ({
      label: displayName(membership.organization, language),
      title: displayName(membership.organization, language),
      options: membership.organization.members.nodes.flatMap(({ user }) => {
        if (seen.has(user.id)) return [];
        seen.add(user.id);
        names.set(user.id, user.name);
        return [{ value: user.id, label: user.name }];
      }),
    }))
    .filter((group) => group.options.length > 0);

  const onFinish = async (values: GrantValues) => {
    setAlert(null);
    const result = await grantRole({ input: { allianceId, userId: values.userId, role: values.role } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.grantAllianceRole.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { userId: 'userId', role: 'role' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(
      t('grantRole.granted', { name: names.get(values.userId) ?? '', role: t(`enums.grantedRole.${values.role}`) }),
    );
    form.resetFields();
  };

  return (
    <Card title={<SectionTitle>{t('grantRole.title')}</SectionTitle>} role="region" aria-label={t('grantRole.title')}>
      <Typography.Paragraph type="secondary">{t('grantRole.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="grantAllianceRole"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        aria-label={t('grantRole.title')}
      >
        <Form.Item
          name="userId"
          label={t('grantRole.user')}
          rules={[{ required: true, message: t('grantRole.userRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={loading}
            placeholder={t('grantRole.userPlaceholder')}
            notFoundContent={loading ? undefined : t('grantRole.noCandidates')}
            options={groups}
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('grantRole.role')}
          rules={[{ required: true, message: t('grantRole.roleRequired') }]}
        >
          <Radio.Group>
            <Space wrap>
              {ROLES.map((role) => (
                <Radio key={role} value={role}>
                  {t(`enums.grantedRole.${role}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={fetching}>
          {t('grantRole.submit')}
        </Button>
      </Form>
    </Card>
  );
}
