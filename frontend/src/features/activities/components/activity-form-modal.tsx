import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ActivityKind } from '@/gql/graphql';
import { fromZonedPickerValue, timeZoneLabel } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateActivity } from '../api/create-activity';
import { useActivityAlliances } from '../api/get-activity-alliances';
import { useAllianceCommitments } from '../api/get-alliance-commitments';

const KINDS: ActivityKind[] = [
  'SYMPOSIUM',
  'STUDY_SESSION',
  'RED_EDUCATION_VISIT',
  'TRAINING',
  'VOLUNTEER_SERVICE',
  'DONATION',
  'CEREMONY',
  'SYMPATHY_VISIT',
  'CULTURAL_EVENT',
  'OTHER',
];

interface Values {
  allianceId: string;
  theme: string;
  kind: ActivityKind;
  startsAt: Dayjs;
  endsAt: Dayjs;
  location?: string;
  capacity?: number | null;
  summary?: string;
  commitmentId?: string;
}

const FIELDS = {
  allianceId: 'allianceId',
  theme: 'theme',
  kind: 'kind',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  location: 'location',
  capacity: 'capacity',
  summary: 'summary',
  commitmentId: 'commitmentId',
};

/** Creating an activity: alliance, theme, kind, time (in the alliance's zone) and place. */
export function ActivityFormModal({
  open,
  allianceId,
  onClose,
  onSaved,
}: {
  open: boolean;
  allianceId?: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [{ data }] = useActivityAlliances();
  const [{ fetching }, create] = useCreateActivity();
  const [alert, setAlert] = useState<string | null>(null);
  const alliances = data?.alliances.nodes ?? [];
  const chosen = Form.useWatch('allianceId', form) ?? allianceId;
  const timeZone = alliances.find((a) => a.id === chosen)?.timeZone ?? 'Asia/Shanghai';
  const [{ data: commitmentsData }] = useAllianceCommitments(chosen);
  const agreements = commitmentsData?.alliance?.agreements.nodes ?? [];
  // A phone's keyboard would cover the picker: pick with taps only.
  const isPhone = typeof window !== 'undefined' && window.matchMedia?.('(max-width: 575px)').matches;

  const onFinish = async (values: Values) => {
    setAlert(null);
    const result = await create({
      input: {
        allianceId: values.allianceId,
        theme: values.theme,
        kind: values.kind,
        startsAt: fromZonedPickerValue(values.startsAt, timeZone),
        endsAt: fromZonedPickerValue(values.endsAt, timeZone),
        location: values.location || null,
        capacity: values.capacity ?? null,
        summary: values.summary || null,
        commitmentId: values.commitmentId ?? null,
        agreementId: values.commitmentId
          ? (agreements.find((a) => a.commitments.some((c) => c.id === values.commitmentId))?.id ?? null)
          : null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.createActivity;
    const errors = payload?.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    onSaved();
    if (payload?.activity) void navigate(`/activities/${payload.activity.id}`);
  };

  return (
    <Modal
      open={open}
      title={t('activities.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('activities.actions.save')}
      confirmLoading={fetching}
      destroyOnHidden
      width={560}
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ allianceId, kind: 'SYMPOSIUM' }}
      >
        <Form.Item
          name="allianceId"
          label={t('activities.fields.alliance')}
          rules={[{ required: true, message: t('activities.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={alliances.map((a) => ({ value: a.id, label: a.name }))}
            disabled={!!allianceId}
          />
        </Form.Item>
        <Form.Item
          name="theme"
          label={t('activities.fields.theme')}
          rules={[{ required: true, whitespace: true, message: t('activities.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('activities.fields.kind')}>
          <Select options={KINDS.map((kind) => ({ value: kind, label: t(`activities.kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="startsAt"
          label={t('activities.fields.startsAt')}
          extra={t('activities.zoneHint', { zone: timeZoneLabel(timeZone) })}
          rules={[{ required: true, message: t('activities.required') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
          />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label={t('activities.fields.endsAt')}
          rules={[{ required: true, message: t('activities.required') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
          />
        </Form.Item>
        <Form.Item name="location" label={t('activities.fields.location')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="capacity" label={t('activities.fields.capacity')}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label={t('activities.fields.summary')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {agreements.some((a) => a.commitments.length > 0) && (
          <Form.Item
            name="commitmentId"
            label={t('activities.fields.commitment')}
            extra={t('activities.commitmentHint')}
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={agreements
                .filter((a) => a.commitments.length > 0)
                .map((a) => ({
                  label: a.title,
                  options: a.commitments.map((c) => ({ value: c.id, label: c.title })),
                }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
