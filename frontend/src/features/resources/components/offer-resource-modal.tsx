import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceKind } from '@/gql/graphql';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useOfferResource } from '../api/offer-resource';

const KINDS: ResourceKind[] = ['VENUE', 'EDUCATION_BASE', 'COURSE', 'EXPERT', 'VOLUNTEER_TEAM', 'MATERIALS'];
const FIELDS = {
  organizationId: 'organizationId',
  allianceIds: 'allianceIds',
  kind: 'kind',
  name: 'name',
  description: 'description',
  capacity: 'capacity',
  availability: 'availability',
  rules: 'rules',
  location: 'location',
};

interface Values {
  organizationId: string;
  allianceIds: string[];
  kind: ResourceKind;
  name: string;
  description?: string;
  capacity?: number | null;
  availability?: string;
  rules?: string;
  location?: string;
}

interface OfferingOrganization {
  id: string;
  name: string;
  nameEn?: string | null;
  alliances: { id: string; name: string; nameEn?: string | null }[];
}

const orNull = (value: string | undefined) => value?.trim() || null;

/** An organization admin offers one of the organization's resources to alliances it belongs to. */
export function OfferResourceModal({
  open,
  organizations,
  onClose,
  onDone,
}: {
  open: boolean;
  organizations: OfferingOrganization[];
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const [{ fetching }, offer] = useOfferResource();
  const organizationId = Form.useWatch('organizationId', form);
  const alliances = organizations.find((o) => o.id === organizationId)?.alliances ?? [];

  const close = () => {
    form.resetFields();
    setAlert(null);
    onClose();
  };
  const onFinish = async (values: Values) => {
    setAlert(null);
    const result = await offer({
      input: {
        organizationId: values.organizationId,
        allianceIds: values.allianceIds,
        kind: values.kind,
        name: values.name.trim(),
        description: orNull(values.description),
        capacity: values.capacity ?? null,
        availability: orNull(values.availability),
        rules: orNull(values.rules),
        location: orNull(values.location),
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.offerResource;
    if (payload && payload.userErrors.length > 0) {
      const unmatched = showUserErrors(form, payload.userErrors, t, FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    if (payload?.sharedResource) {
      void message.success(t('resources.offered'));
      form.resetFields();
      onDone(payload.sharedResource.id);
    }
  };

  return (
    <Modal
      open={open}
      title={t('resources.offerTitle')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('resources.offerSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      maskClosable={false}
      forceRender
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="offerResource"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={{ kind: 'VENUE', organizationId: organizations[0]?.id, allianceIds: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('organizationId' in changed) form.setFieldValue('allianceIds', []);
        }}
      >
        <Form.Item name="organizationId" label={t('resources.offeredBy')}>
          <Select options={organizations.map((o) => ({ value: o.id, label: displayName(o, language) }))} />
        </Form.Item>
        <Form.Item
          name="allianceIds"
          label={t('resources.offeredTo')}
          rules={[{ required: true, message: t('resources.allianceRequired') }]}
        >
          <Select mode="multiple" options={alliances.map((a) => ({ value: a.id, label: displayName(a, language) }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('resources.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('resources.name')}
          rules={[{ required: true, whitespace: true, message: t('resources.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="location" label={t('resources.location')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="capacity" label={t('resources.capacity')}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="availability" label={t('resources.availability')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="rules" label={t('resources.rules')}>
          <Input.TextArea rows={2} maxLength={20000} />
        </Form.Item>
        <Form.Item name="description" label={t('resources.description')}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
