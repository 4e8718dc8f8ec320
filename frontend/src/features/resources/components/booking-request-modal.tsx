import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeInput, endsAfterStart } from '@/components/date-time-input';
import { displayName, fromZonedPickerValue } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useRequestResourceBooking } from '../api/request-resource-booking';

interface Values {
  allianceId?: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  purpose?: string;
}

const FIELDS = { startsAt: 'startsAt', endsAt: 'endsAt', purpose: 'purpose', allianceId: 'allianceId' };

/** A date-time range and a purpose; stacked fields that fit a 390 px phone. */
export function BookingRequestModal({
  open,
  resourceId,
  alliances,
  onClose,
  onDone,
}: {
  open: boolean;
  resourceId: string;
  alliances: { id: string; name: string; nameEn?: string | null; timeZone: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const [{ fetching }, request] = useRequestResourceBooking();
  const allianceId = Form.useWatch('allianceId', form) ?? alliances[0]?.id;
  const timeZone = alliances.find((a) => a.id === allianceId)?.timeZone ?? 'Asia/Shanghai';

  const close = () => {
    form.resetFields();
    setAlert(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    setAlert(null);
    const result = await request({
      input: {
        resourceId,
        allianceId: alliances.length > 1 ? (values.allianceId ?? null) : null,
        startsAt: fromZonedPickerValue(values.startsAt, timeZone),
        endsAt: fromZonedPickerValue(values.endsAt, timeZone),
        purpose: values.purpose?.trim() || null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const payload = result.data?.requestResourceBooking;
    const userErrors = payload?.userErrors ?? [];
    const overlap = userErrors.find((e) => e.code === 'OVERLAP');
    if (overlap) {
      setAlert(`${t('resources.overlap')}: ${overlap.message}`);
      return;
    }
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, FIELDS);
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    const overlapping = payload?.overlappingRequests.length ?? 0;
    void message.success(
      overlapping > 0 ? t('resources.overlapWarning', { count: overlapping }) : t('resources.requested'),
    );
    form.resetFields();
    onDone();
  };

  return (
    <Modal
      open={open}
      title={t('resources.requestTitle')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('resources.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      maskClosable={false}
      forceRender
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="requestResourceBooking"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.startsAt) {
            const end = form.getFieldValue('endsAt') as Dayjs | undefined;
            if (!end || !end.isAfter(changed.startsAt)) form.setFieldValue('endsAt', changed.startsAt.add(2, 'hour'));
          }
        }}
      >
        {alliances.length > 1 && (
          <Form.Item name="allianceId" label={t('resources.requestAlliance')} initialValue={alliances[0]?.id}>
            <Select options={alliances.map((a) => ({ value: a.id, label: displayName(a, language) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="startsAt"
          label={t('resources.startsAt')}
          rules={[{ required: true, message: t('resources.startsAtRequired') }]}
        >
          <DateTimeInput label={t('resources.startsAt')} />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label={t('resources.endsAt')}
          dependencies={['startsAt']}
          rules={[
            { required: true, message: t('resources.endsAtRequired') },
            endsAfterStart(t('resources.endsBeforeStart')),
          ]}
        >
          <DateTimeInput label={t('resources.endsAt')} />
        </Form.Item>
        <Form.Item name="purpose" label={t('resources.purpose')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('resources.purposePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
