import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AllianceKind, AllianceStatus, AllianceVisibility, RotationPeriod } from '@/gql/graphql';
import { useIsPhone } from '@/hooks/use-is-phone';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { COMMON_TIME_ZONES, timeZoneLabel } from '@/i18n/format';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateAlliance } from '../api/create-alliance';
import { useUpdateAlliance } from '../api/update-alliance';

const KINDS: AllianceKind[] = ['PAIRING', 'TRIPARTITE', 'CONSORTIUM'];
/** In the order an alliance moves through them: only forward. */
const STATUSES: AllianceStatus[] = ['PREPARATORY', 'ACTIVE', 'DISSOLVED'];
const PERIODS: RotationPeriod[] = ['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR'];
const VISIBILITIES: AllianceVisibility[] = ['MEMBERS', 'PUBLIC'];

const USER_ERROR_FIELDS = {
  name: 'name',
  nameEn: 'nameEn',
  kind: 'kind',
  status: 'status',
  foundedOn: 'foundedOn',
  supervisingBody: 'supervisingBody',
  instructor: 'instructor',
  rotationPeriod: 'rotationPeriod',
  visibility: 'visibility',
  workingRules: 'workingRules',
  agendaDeadlineDays: 'agendaDeadlineDays',
  timeZone: 'timeZone',
};

/** The alliance as read: the edit form starts from it and sends its `version` back. */
export interface EditedAlliance {
  id: string;
  version: number;
  name: string;
  nameEn: string | null;
  kind: AllianceKind;
  status: AllianceStatus;
  foundedOn: string | null;
  supervisingBody: string | null;
  instructor: string | null;
  rotationPeriod: RotationPeriod;
  visibility: AllianceVisibility;
  workingRules: string | null;
  agendaDeadlineDays: number;
  timeZone: string;
}

interface AllianceFormValues {
  name: string;
  nameEn?: string;
  kind: AllianceKind;
  status: AllianceStatus;
  foundedOn?: Dayjs | null;
  supervisingBody?: string;
  instructor?: string;
  rotationPeriod: RotationPeriod;
  visibility: AllianceVisibility;
  workingRules?: string;
  agendaDeadlineDays?: number | null;
  timeZone?: string | null;
}

function formValues(alliance: EditedAlliance | undefined): AllianceFormValues | Partial<AllianceFormValues> {
  if (!alliance) return { status: 'PREPARATORY', rotationPeriod: 'QUARTER', visibility: 'MEMBERS' };
  return {
    name: alliance.name,
    nameEn: alliance.nameEn ?? '',
    kind: alliance.kind,
    status: alliance.status,
    foundedOn: alliance.foundedOn ? dayjs(alliance.foundedOn) : null,
    supervisingBody: alliance.supervisingBody ?? '',
    instructor: alliance.instructor ?? '',
    rotationPeriod: alliance.rotationPeriod,
    visibility: alliance.visibility,
    workingRules: alliance.workingRules ?? '',
    agendaDeadlineDays: alliance.agendaDeadlineDays,
    timeZone: alliance.timeZone,
  };
}

/** The common zones (Chinese ones first) and the current value when it is not among them. */
function timeZoneOptions(current: string | undefined): { value: string; label: string }[] {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((zone) => ({ value: zone, label: timeZoneLabel(zone) }));
}

function trimmedOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Creates an alliance (platform admins; then opens its page) or, given `alliance`, edits it (its alliance
 * admins, platform admins). Editing sends every field (a blank text clears it) with the version read; a
 * change by someone else since is refused (CONFLICT), and "reload" starts the form over from the latest
 * version. The status only moves forward: PREPARATORY → ACTIVE → DISSOLVED.
 */
export function AllianceFormModal({
  alliance,
  onReload,
  onClose,
}: {
  alliance?: EditedAlliance;
  onReload?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<AllianceFormValues>();
  const [{ fetching: creating }, createAlliance] = useCreateAlliance();
  const [{ fetching: updating }, updateAlliance] = useUpdateAlliance();
  const fetching = creating || updating;
  const [alert, setAlert] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const reloadRequested = useRef(false);

  // After "reload", the refetched alliance (a new version) replaces what the form holds.
  useEffect(() => {
    if (!reloadRequested.current) return;
    reloadRequested.current = false;
    form.resetFields();
    form.setFieldsValue(formValues(alliance));
    setConflict(false);
    setAlert(null);
    // Only a new version of the alliance starts the form over, not every render.
  }, [alliance?.version]);

  const reload = () => {
    reloadRequested.current = true;
    onReload?.();
  };

  // Editing offers the current status and the ones after it; creating, the first two.
  const statuses = alliance ? STATUSES.slice(STATUSES.indexOf(alliance.status)) : STATUSES.slice(0, 2);

  const showErrors = (userErrors: readonly { field: string; message: string; code: string }[]) => {
    const unmatched = showUserErrors(form, userErrors, t, USER_ERROR_FIELDS);
    if (unmatched.length > 0) setAlert(unmatched.join(' '));
  };

  const onFinish = async (values: AllianceFormValues) => {
    setAlert(null);
    setConflict(false);
    const foundedOn = values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null;
    if (!alliance) {
      const result = await createAlliance({
        input: {
          name: values.name.trim(),
          nameEn: trimmedOrNull(values.nameEn),
          kind: values.kind,
          status: values.status,
          foundedOn,
          supervisingBody: trimmedOrNull(values.supervisingBody),
          instructor: trimmedOrNull(values.instructor),
          rotationPeriod: values.rotationPeriod,
          visibility: values.visibility,
          workingRules: trimmedOrNull(values.workingRules),
          // None: the deployment's zone.
          timeZone: values.timeZone ?? null,
        },
      });
      if (result.error) {
        setAlert(describeError(result.error, t));
        return;
      }
      const payload = result.data?.createAlliance;
      if (payload && payload.userErrors.length > 0) {
        showErrors(payload.userErrors);
        return;
      }
      void message.success(t('allianceForm.created'));
      onClose();
      if (payload?.alliance) void navigate(`/alliances/${payload.alliance.id}`);
      return;
    }
    const result = await updateAlliance({
      input: {
        id: alliance.id,
        version: alliance.version,
        name: values.name.trim(),
        // Blank clears an optional text.
        nameEn: values.nameEn?.trim() ?? '',
        kind: values.kind,
        // Unchanged status is left out (undefined is not sent): staying put is no transition.
        status: values.status === alliance.status ? undefined : values.status,
        // Null clears the founding date.
        foundedOn,
        supervisingBody: values.supervisingBody?.trim() ?? '',
        instructor: values.instructor?.trim() ?? '',
        rotationPeriod: values.rotationPeriod,
        visibility: values.visibility,
        workingRules: values.workingRules?.trim() ?? '',
        // Left out when empty or unchanged: null would be refused for these required fields.
        agendaDeadlineDays: values.agendaDeadlineDays ?? undefined,
        timeZone: values.timeZone === alliance.timeZone ? undefined : (values.timeZone ?? undefined),
      },
    });
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) setConflict(true);
      else setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.updateAlliance.userErrors ?? [];
    if (userErrors.some((userError) => userError.code === 'CONFLICT')) {
      setConflict(true);
      return;
    }
    if (userErrors.length > 0) {
      showErrors(userErrors);
      return;
    }
    void message.success(t('allianceForm.saved'));
    onClose();
  };

  return (
    <Modal
      open
      title={alliance ? t('allianceForm.editTitle') : t('allianceForm.createTitle')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={alliance ? t('common.save') : t('allianceForm.createSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching, disabled: conflict }}
      maskClosable={false}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('allianceForm.conflict')}
          action={
            <Button size="small" onClick={reload}>
              {t('allianceForm.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name={alliance ? 'editAlliance' : 'createAlliance'}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        initialValues={formValues(alliance)}
      >
        <Form.Item
          name="name"
          label={t('allianceForm.name')}
          rules={[{ required: true, whitespace: true, message: t('allianceForm.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('allianceForm.nameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('alliances.kind')}
          rules={[{ required: true, message: t('allianceForm.kindRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={KINDS.map((kind) => ({ value: kind, label: t(`enums.allianceKind.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="status"
          label={t('alliances.status')}
          extra={alliance ? t('allianceForm.statusHint') : undefined}
          rules={[{ required: true }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={statuses.map((status) => ({ value: status, label: t(`enums.allianceStatus.${status}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="foundedOn"
          label={t('alliances.foundedOn')}
          extra={alliance?.foundedOn ? t('allianceForm.foundedOnKept') : undefined}
        >
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            allowClear={!alliance?.foundedOn}
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="timeZone" label={t('allianceForm.timeZone')} extra={t('allianceForm.timeZoneHint')}>
          <Select
            showSearch
            allowClear={!alliance}
            optionFilterProp="label"
            placeholder={t('allianceForm.timeZoneDefault')}
            options={timeZoneOptions(alliance?.timeZone)}
          />
        </Form.Item>
        <Form.Item name="supervisingBody" label={t('alliances.supervisingBody')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="instructor" label={t('alliance.instructor')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="rotationPeriod" label={t('alliances.rotationPeriod')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={PERIODS.map((period) => ({ value: period, label: t(`enums.rotationPeriod.${period}`) }))}
          />
        </Form.Item>
        <Form.Item name="visibility" label={t('alliances.visibility')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={VISIBILITIES.map((visibility) => ({
              value: visibility,
              label: t(`enums.allianceVisibility.${visibility}`),
            }))}
          />
        </Form.Item>
        {alliance && (
          <Form.Item
            name="agendaDeadlineDays"
            label={t('allianceForm.agendaDeadlineDays')}
            extra={t('allianceForm.agendaDeadlineDaysHint')}
          >
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item name="workingRules" label={t('alliance.workingRules')} extra={t('allianceForm.workingRulesHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={100_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
