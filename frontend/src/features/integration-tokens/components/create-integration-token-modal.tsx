import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateIntegrationToken } from '../api/create-integration-token';
import { useIntegrationScopes } from '../api/get-integration-scopes';
import { useTokenTargets } from '../api/get-token-targets';
import { scopeName } from '../scope-name';

type TargetKind = 'alliance' | 'organization';

interface CreateTokenValues {
  name: string;
  scopes: string[];
  targetKind: TargetKind;
  targetId: string;
  expiresAt?: Dayjs | null;
}

export interface CreatedToken {
  name: string;
  secret: string;
}

export function CreateIntegrationTokenModal({
  open,
  isPlatformAdmin,
  onClose,
  onCreated,
}: {
  open: boolean;
  isPlatformAdmin: boolean;
  onClose: () => void;
  onCreated: (token: CreatedToken) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<CreateTokenValues>();
  const targets = useTokenTargets(isPlatformAdmin);
  const [{ fetching: creating }, createToken] = useCreateIntegrationToken();
  const [alert, setAlert] = useState<string | null>(null);
  const targetKind = Form.useWatch('targetKind', form);
  const [{ data: scopesData, error: scopesError, fetching: scopesFetching }] = useIntegrationScopes();
  // Only the scopes that do something on the chosen kind of target are offered.
  const scopes = (targetKind === 'organization' ? scopesData?.organization : scopesData?.alliance) ?? [];

  const hasAlliances = targets.alliances.length > 0;
  const hasOrganizations = targets.organizations.length > 0;
  const loading = (scopesFetching && !scopesData) || (targets.fetching && !hasAlliances && !hasOrganizations);
  const options = (targetKind === 'organization' ? targets.organizations : targets.alliances).map((target) => ({
    value: target.id,
    label: displayName(target, language),
  }));

  // Preselect the kind the viewer can actually use, and the target when there is just one.
  useEffect(() => {
    if (!open || loading) return;
    const kind: TargetKind = hasAlliances || !hasOrganizations ? 'alliance' : 'organization';
    const only = kind === 'alliance' ? targets.alliances : targets.organizations;
    form.setFieldsValue({ targetKind: kind, targetId: only.length === 1 ? only[0]?.id : undefined });
  }, [open, loading, hasAlliances, hasOrganizations, targets.alliances, targets.organizations, form]);

  const close = () => {
    form.resetFields();
    setAlert(null);
    onClose();
  };

  const onFinish = async (values: CreateTokenValues) => {
    setAlert(null);
    const result = await createToken({
      input: {
        name: values.name.trim(),
        scopes: values.scopes,
        allianceId: values.targetKind === 'alliance' ? values.targetId : null,
        organizationId: values.targetKind === 'organization' ? values.targetId : null,
        expiresAt: values.expiresAt ? values.expiresAt.endOf('day').toISOString() : null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.createIntegrationToken;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, {
        name: 'name',
        scopes: 'scopes',
        allianceId: 'targetId',
        organizationId: 'targetId',
        expiresAt: 'expiresAt',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    if (payload?.secret && payload.integrationToken) {
      const created = { name: payload.integrationToken.name, secret: payload.secret };
      form.resetFields();
      onCreated(created);
    }
  };

  const noTargets = !loading && !hasAlliances && !hasOrganizations;

  return (
    <Modal
      open={open}
      title={t('integrationTokens.createTitle')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('integrationTokens.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: creating, disabled: loading || noTargets }}
      maskClosable={false}
      forceRender
    >
      {scopesError && <ErrorAlert error={scopesError} />}
      {targets.error && <ErrorAlert error={targets.error} />}
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      {noTargets && (
        <Alert type="info" showIcon message={t('integrationTokens.noTargets')} style={{ marginBottom: 16 }} />
      )}
      {loading ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={creating || noTargets}
          initialValues={{ targetKind: 'alliance', scopes: [] }}
        >
          <Form.Item
            name="name"
            label={t('integrationTokens.name')}
            rules={[{ required: true, whitespace: true, message: t('integrationTokens.nameRequired') }]}
          >
            <Input placeholder={t('integrationTokens.namePlaceholder')} maxLength={100} />
          </Form.Item>
          <Form.Item name="targetKind" label={t('integrationTokens.targetKind')}>
            <Radio.Group
              optionType="button"
              onChange={() => form.setFieldsValue({ targetId: undefined, scopes: [] })}
              options={[
                { value: 'alliance', label: t('integrationTokens.alliance'), disabled: !hasAlliances },
                { value: 'organization', label: t('integrationTokens.organization'), disabled: !hasOrganizations },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="targetId"
            label={t('integrationTokens.target')}
            rules={[{ required: true, message: t('integrationTokens.targetRequired') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('integrationTokens.targetPlaceholder')}
              options={options}
            />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('integrationTokens.scopes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('integrationTokens.scopesRequired') }]}
          >
            <Select
              mode="multiple"
              placeholder={t('integrationTokens.scopesPlaceholder')}
              optionFilterProp="label"
              options={scopes.map((scope) => ({
                value: scope,
                label: scopeName(t, scope),
                title: scope,
              }))}
            />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('integrationTokens.expiry')} extra={t('integrationTokens.expiryHint')}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(date) => date.isBefore(dayjs(), 'day')}
              inputReadOnly
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
