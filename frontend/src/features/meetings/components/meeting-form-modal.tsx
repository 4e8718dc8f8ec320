import { Alert, App, Form, Input, Modal, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_TIME_FORMAT, DateTimeInput, endsAfterStart } from '@/components/date-time-input';
import { ErrorAlert } from '@/components/error-alert';
import type { MeetingKind } from '@/gql/graphql';
import { displayName, fromZonedPickerValue, timeZoneLabel, toZonedPickerValue } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useSchedulableAlliances } from '../api/get-schedulable-alliances';
import { useScheduleMeeting } from '../api/schedule-meeting';
import { useUpdateMeeting } from '../api/update-meeting';

const KINDS: MeetingKind[] = ['REGULAR', 'PREPARATORY', 'SYMPOSIUM', 'WORK_SUMMARY'];
const DEFAULT_LENGTH_HOURS = 2;

interface MeetingFormValues {
  allianceId?: string;
  title: string;
  kind: MeetingKind;
  startsAt: Dayjs;
  endsAt: Dayjs;
  location?: string;
  onlineUrl?: string;
  hostOrganizationId?: string;
  /** A later agenda deadline than the alliance's default (new meetings only). */
  agendaDeadline?: Dayjs;
}

/** The meeting being edited, or nothing to schedule a new one. */
export interface EditedMeeting {
  id: string;
  version: number;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  location: string | null;
  onlineUrl: string | null;
  /** The alliance's zone, in which the times are entered. */
  timeZone: string;
}

const USER_ERROR_FIELDS = {
  allianceId: 'allianceId',
  title: 'title',
  kind: 'kind',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  location: 'location',
  onlineUrl: 'onlineUrl',
  hostOrganizationId: 'hostOrganizationId',
  agendaDeadline: 'agendaDeadline',
};

function trimmedOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Schedules a joint meeting (alliance, title, kind, time, place or online link) or edits one. */
export function MeetingFormModal({
  open,
  meeting,
  isPlatformAdmin,
  defaultAllianceId,
  onClose,
  onSaved,
}: {
  open: boolean;
  meeting?: EditedMeeting;
  isPlatformAdmin: boolean;
  defaultAllianceId?: string;
  onClose: () => void;
  onSaved: (meetingId: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingFormValues>();
  const editing = meeting !== undefined;
  const schedulable = useSchedulableAlliances(isPlatformAdmin);
  const [{ fetching: scheduling }, scheduleMeeting] = useScheduleMeeting();
  const [{ fetching: updating }, updateMeeting] = useUpdateMeeting();
  const [alert, setAlert] = useState<string | null>(null);
  const allianceId = Form.useWatch('allianceId', form);
  const startsAt = Form.useWatch('startsAt', form);
  const saving = scheduling || updating;

  const alliances = schedulable.alliances;
  const loading = !editing && schedulable.fetching && alliances.length === 0;
  const noAlliances = !editing && !loading && alliances.length === 0;
  const chosen = alliances.find((alliance) => alliance.id === allianceId);
  const hosts = chosen?.members.nodes ?? [];
  // Times are entered on the alliance's clock (and sent as UTC instants), wherever the browser runs.
  const timeZone = meeting?.timeZone ?? chosen?.timeZone;
  const zoneHint = timeZone ? t('scheduleMeeting.timeZoneHint', { zone: timeZoneLabel(timeZone) }) : undefined;
  // The alliance's deadline for proposals, shown while scheduling; when it has already passed the
  // convener is told and may set a later one.
  const defaultDeadline = !editing && chosen && startsAt ? startsAt.subtract(chosen.agendaDeadlineDays, 'day') : null;
  const deadlinePassed =
    defaultDeadline !== null && new Date(fromZonedPickerValue(defaultDeadline, timeZone)).getTime() < Date.now();

  useEffect(() => {
    if (!open || loading) return;
    if (meeting) {
      form.setFieldsValue({
        title: meeting.title,
        kind: meeting.kind,
        startsAt: toZonedPickerValue(meeting.startsAt, meeting.timeZone),
        endsAt: toZonedPickerValue(meeting.endsAt, meeting.timeZone),
        location: meeting.location ?? '',
        onlineUrl: meeting.onlineUrl ?? '',
      });
    } else if (!form.getFieldValue('allianceId')) {
      const preferred = alliances.find((alliance) => alliance.id === defaultAllianceId) ?? alliances[0];
      if (alliances.length === 1 || defaultAllianceId) form.setFieldValue('allianceId', preferred?.id);
    }
  }, [open, loading, meeting, alliances, defaultAllianceId, form]);

  const close = () => {
    form.resetFields();
    setAlert(null);
    onClose();
  };

  const onFinish = async (values: MeetingFormValues) => {
    setAlert(null);
    const common = {
      title: values.title.trim(),
      kind: values.kind,
      startsAt: fromZonedPickerValue(values.startsAt, timeZone),
      endsAt: fromZonedPickerValue(values.endsAt, timeZone),
      location: trimmedOrNull(values.location),
      onlineUrl: trimmedOrNull(values.onlineUrl),
    };
    let userErrors;
    let savedId: string | undefined;
    if (meeting) {
      const result = await updateMeeting({ input: { id: meeting.id, version: meeting.version, ...common } });
      if (result.error) {
        setAlert(hasErrorCode(result.error, 'CONFLICT') ? t('meeting.conflict') : describeError(result.error, t));
        return;
      }
      userErrors = result.data?.updateMeeting.userErrors ?? [];
      savedId = result.data?.updateMeeting.meeting?.id;
    } else {
      const result = await scheduleMeeting({
        input: {
          ...common,
          allianceId: values.allianceId ?? '',
          hostOrganizationId: values.hostOrganizationId ?? null,
          agendaDeadline: values.agendaDeadline ? fromZonedPickerValue(values.agendaDeadline, timeZone) : null,
        },
      });
      if (result.error) {
        setAlert(describeError(result.error, t));
        return;
      }
      userErrors = result.data?.scheduleMeeting.userErrors ?? [];
      savedId = result.data?.scheduleMeeting.meeting?.id;
    }
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, USER_ERROR_FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    if (savedId) {
      void message.success(editing ? t('scheduleMeeting.saved') : t('scheduleMeeting.scheduled'));
      form.resetFields();
      onSaved(savedId);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('scheduleMeeting.editTitle') : t('scheduleMeeting.title')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={editing ? t('scheduleMeeting.save') : t('scheduleMeeting.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, disabled: loading || noAlliances }}
      maskClosable={false}
      forceRender
    >
      {schedulable.error && !editing && <ErrorAlert error={schedulable.error} />}
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      {noAlliances && (
        <Alert type="info" showIcon message={t('scheduleMeeting.noAlliances')} style={{ marginBottom: 16 }} />
      )}
      {loading ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          name={editing ? 'editMeeting' : 'scheduleMeeting'}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={saving || noAlliances}
          initialValues={{ kind: 'REGULAR' }}
          onValuesChange={(changed: Partial<MeetingFormValues>) => {
            // A new start moves an empty (or now too early) end to the usual length of a meeting.
            if (changed.startsAt) {
              const end = form.getFieldValue('endsAt') as Dayjs | undefined;
              if (!end || !end.isAfter(changed.startsAt)) {
                form.setFieldValue('endsAt', changed.startsAt.add(DEFAULT_LENGTH_HOURS, 'hour'));
              }
            }
            if ('allianceId' in changed) form.setFieldValue('hostOrganizationId', undefined);
          }}
        >
          {!editing && (
            <Form.Item
              name="allianceId"
              label={t('scheduleMeeting.alliance')}
              rules={[{ required: true, message: t('scheduleMeeting.allianceRequired') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t('scheduleMeeting.alliancePlaceholder')}
                options={alliances.map((alliance) => ({ value: alliance.id, label: displayName(alliance, language) }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label={t('scheduleMeeting.meetingTitle')}
            rules={[{ required: true, whitespace: true, message: t('scheduleMeeting.titleRequired') }]}
          >
            <Input placeholder={t('scheduleMeeting.titlePlaceholder')} maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('scheduleMeeting.kind')}>
            <Select options={KINDS.map((kind) => ({ value: kind, label: t(`enums.meetingKind.${kind}`) }))} />
          </Form.Item>
          <Form.Item
            name="startsAt"
            label={t('scheduleMeeting.startsAt')}
            extra={zoneHint}
            rules={[{ required: true, message: t('scheduleMeeting.startsAtRequired') }]}
          >
            <DateTimeInput label={t('scheduleMeeting.startsAt')} />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('scheduleMeeting.endsAt')}
            dependencies={['startsAt']}
            rules={[
              { required: true, message: t('scheduleMeeting.endsAtRequired') },
              endsAfterStart(t('scheduleMeeting.endsBeforeStart')),
            ]}
          >
            <DateTimeInput label={t('scheduleMeeting.endsAt')} />
          </Form.Item>
          {defaultDeadline && chosen && (
            <>
              <Alert
                type={deadlinePassed ? 'warning' : 'info'}
                showIcon
                style={{ marginBottom: 16 }}
                message={
                  deadlinePassed
                    ? t('scheduleMeeting.deadlinePassed', {
                        days: chosen.agendaDeadlineDays,
                        time: defaultDeadline.format(DATE_TIME_FORMAT),
                      })
                    : t('scheduleMeeting.deadline', {
                        days: chosen.agendaDeadlineDays,
                        time: defaultDeadline.format(DATE_TIME_FORMAT),
                      })
                }
              />
              {deadlinePassed && (
                <Form.Item
                  name="agendaDeadline"
                  label={t('scheduleMeeting.laterDeadline')}
                  dependencies={['startsAt']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, value: Dayjs | undefined) => {
                        const start = getFieldValue('startsAt') as Dayjs | undefined;
                        return !value || !start || value.isBefore(start)
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('scheduleMeeting.deadlineAfterStart')));
                      },
                    }),
                  ]}
                >
                  <DateTimeInput label={t('scheduleMeeting.laterDeadline')} />
                </Form.Item>
              )}
            </>
          )}
          <Form.Item name="location" label={t('scheduleMeeting.location')}>
            <Input placeholder={t('scheduleMeeting.locationPlaceholder')} maxLength={300} />
          </Form.Item>
          <Form.Item
            name="onlineUrl"
            label={t('scheduleMeeting.onlineUrl')}
            rules={[{ pattern: /^https?:\/\/\S+$/, message: t('scheduleMeeting.onlineUrlInvalid') }]}
          >
            <Input placeholder="https://" inputMode="url" autoCapitalize="none" maxLength={500} />
          </Form.Item>
          {!editing && (
            <Form.Item
              name="hostOrganizationId"
              label={t('scheduleMeeting.host')}
              extra={t('scheduleMeeting.hostHint')}
            >
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('scheduleMeeting.hostPlaceholder')}
                options={hosts.map((membership) => ({
                  value: membership.organization.id,
                  label: displayName(membership.organization, language),
                }))}
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
