import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateTimeInput, endsAfterStart } from '@/components/date-time-input';
import type { ActivityKind } from '@/gql/graphql';
import { fromZonedPickerValue, timeZoneLabel, toZonedPickerValue } from '@/i18n/format';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateActivity } from '../api/create-activity';
import { useActivityAlliances } from '../api/get-activity-alliances';
import { useAllianceCommitments } from '../api/get-alliance-commitments';
import { useUpdateActivity } from '../api/update-activity';
import { OrganizerFields } from './organizer-fields';

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
  hostOrganizationId?: string;
  coOrganizerIds?: string[];
  commitmentId?: string;
}

/** The input field each user error names → the form field it is shown on. */
const FIELDS = {
  allianceId: 'allianceId',
  theme: 'theme',
  kind: 'kind',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  location: 'location',
  capacity: 'capacity',
  summary: 'summary',
  hostOrganizationId: 'hostOrganizationId',
  coOrganizerIds: 'coOrganizerIds',
  commitmentId: 'commitmentId',
  agreementId: 'commitmentId',
};

/** What editing needs of an activity (the page's query has it). */
export interface EditableActivity {
  id: string;
  version: number;
  theme: string;
  kind: ActivityKind;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location?: string | null;
  capacity?: number | null;
  summary?: string | null;
  commitmentId?: string | null;
  alliance: { id: string };
  organizers: readonly { isHost: boolean; organization?: { id: string } | null }[];
}

function valuesOf(activity: EditableActivity): Partial<Values> {
  const organizers = activity.organizers.filter((o) => o.organization);
  return {
    allianceId: activity.alliance.id,
    theme: activity.theme,
    kind: activity.kind,
    startsAt: toZonedPickerValue(activity.startsAt, activity.timeZone),
    endsAt: toZonedPickerValue(activity.endsAt, activity.timeZone),
    location: activity.location ?? undefined,
    capacity: activity.capacity ?? null,
    summary: activity.summary ?? undefined,
    hostOrganizationId: organizers.find((o) => o.isHost)?.organization?.id,
    coOrganizerIds: organizers.filter((o) => !o.isHost).map((o) => o.organization!.id),
    commitmentId: activity.commitmentId ?? undefined,
  };
}

/**
 * Creating an activity, or editing one (`activity`): alliance, theme, kind, organizers, time (in the
 * alliance's zone, two pickers on a phone) and place. Errors show on the field they name.
 */
export function ActivityFormModal({
  open,
  allianceId,
  activity,
  onClose,
  onSaved,
}: {
  open: boolean;
  allianceId?: string;
  activity?: EditableActivity;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { alliances, actingFor } = useActivityAlliances();
  const [{ fetching: creating }, create] = useCreateActivity();
  const [{ fetching: updating }, update] = useUpdateActivity();
  const [alert, setAlert] = useState<string | null>(null);
  const chosen = Form.useWatch('allianceId', form) ?? activity?.alliance.id ?? allianceId;
  const alliance = alliances.find((a) => a.id === chosen);
  const timeZone = alliance?.timeZone ?? activity?.timeZone ?? 'Asia/Shanghai';
  const members = (alliance?.members.nodes ?? []).map((m) => m.organization);
  const [{ data: commitmentsData }] = useAllianceCommitments(chosen);
  const agreements = commitmentsData?.alliance?.agreements.nodes ?? [];
  // The host a new activity defaults to: an organization the viewer acts for in the alliance.
  const defaultHost = members.find((m) => actingFor.includes(m.id))?.id;

  useEffect(() => {
    if (open && !activity && defaultHost && !form.getFieldValue('hostOrganizationId')) {
      form.setFieldValue('hostOrganizationId', defaultHost);
    }
  }, [open, activity, defaultHost, form]);

  const onFinish = async (values: Values) => {
    setAlert(null);
    const agreementId = values.commitmentId
      ? (agreements.find((a) => a.commitments.some((c) => c.id === values.commitmentId))?.id ?? null)
      : null;
    const common = {
      theme: values.theme,
      kind: values.kind,
      startsAt: fromZonedPickerValue(values.startsAt, timeZone),
      endsAt: fromZonedPickerValue(values.endsAt, timeZone),
      location: values.location || null,
      capacity: values.capacity ?? null,
      summary: values.summary || null,
      hostOrganizationId: values.hostOrganizationId ?? null,
      coOrganizerIds: values.coOrganizerIds ?? [],
    };
    const result = activity
      ? await update({
          input: {
            id: activity.id,
            version: activity.version,
            ...common,
            // Only a changed commitment is sent: an agreement linked without one stays linked.
            ...(values.commitmentId !== (activity.commitmentId ?? undefined)
              ? { commitmentId: values.commitmentId ?? null, agreementId }
              : {}),
          },
        })
      : await create({
          input: { allianceId: values.allianceId, ...common, commitmentId: values.commitmentId ?? null, agreementId },
        });
    if (result.error) {
      setAlert(hasErrorCode(result.error, 'CONFLICT') ? t('activities.conflict') : describeError(result.error, t));
      return;
    }
    const payload =
      result.data && ('createActivity' in result.data ? result.data.createActivity : result.data.updateActivity);
    const errors = payload?.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    onSaved();
    if (!activity && payload?.activity) void navigate(`/activities/${payload.activity.id}`);
  };

  return (
    <Modal
      open={open}
      title={activity ? t('activities.edit') : t('activities.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('activities.actions.save')}
      confirmLoading={creating || updating}
      destroyOnHidden
      width={560}
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={
          activity ? valuesOf(activity) : { allianceId, kind: 'SYMPOSIUM', hostOrganizationId: defaultHost }
        }
        onValuesChange={(changed: Partial<Values>) => {
          if ('allianceId' in changed) {
            const next = alliances.find((a) => a.id === changed.allianceId);
            const host = next?.members.nodes.find((m) => actingFor.includes(m.organization.id))?.organization.id;
            form.setFieldsValue({ hostOrganizationId: host, coOrganizerIds: [], commitmentId: undefined });
          }
        }}
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
            disabled={!!allianceId || !!activity}
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
        <OrganizerFields members={members} />
        <Form.Item
          name="startsAt"
          label={t('activities.fields.startsAt')}
          extra={t('activities.zoneHint', { zone: timeZoneLabel(timeZone) })}
          rules={[{ required: true, message: t('activities.required') }]}
        >
          <DateTimeInput label={t('activities.fields.startsAt')} />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label={t('activities.fields.endsAt')}
          dependencies={['startsAt']}
          rules={[
            { required: true, message: t('activities.required') },
            endsAfterStart(t('activities.endsBeforeStart')),
          ]}
        >
          <DateTimeInput label={t('activities.fields.endsAt')} />
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
