import { CalendarOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useGenerateLeadSchedule } from '../api/generate-lead-schedule';
import { useSwapLeadTerms } from '../api/swap-lead-terms';
import type { LeadTermRow } from './rotation-timeline';
import { termPhase, termRange } from './term-range';

interface GenerateValues {
  from?: Dayjs | null;
  terms?: number | null;
}

function GenerateModal({
  allianceId,
  scheduleVersion,
  memberCount,
  open,
  onClose,
}: {
  allianceId: string;
  scheduleVersion: number;
  memberCount: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<GenerateValues>();
  const [{ fetching }, generate] = useGenerateLeadSchedule();
  const [alert, setAlert] = useState<string | null>(null);

  const close = () => {
    setAlert(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: GenerateValues) => {
    setAlert(null);
    const result = await generate({
      // Both optional: the server starts at the end of the current term and plans one round of all members.
      // The version read: a schedule changed meanwhile (an edit, a join, a leave) answers CONFLICT.
      input: {
        allianceId,
        leadScheduleVersion: scheduleVersion,
        from: values.from ? values.from.format('YYYY-MM-DD') : null,
        terms: values.terms ?? null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.generateLeadSchedule.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { from: 'from', terms: 'terms' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('rotation.generated'));
    close();
  };

  return (
    <Modal
      open={open}
      title={t('rotation.generate')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('rotation.generate')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rotation.generateHint')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="generateLeadSchedule"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
      >
        <Form.Item name="from" label={t('rotation.from')} extra={t('rotation.fromHint')}>
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            disabledDate={(date) => date.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="terms" label={t('rotation.terms')} extra={t('rotation.termsHint', { count: memberCount })}>
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SwapModal({
  terms,
  scheduleVersion,
  timeZone,
  open,
  onClose,
}: {
  terms: readonly LeadTermRow[];
  scheduleVersion: number;
  timeZone: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ firstId: string; secondId: string }>();
  const [{ fetching }, swap] = useSwapLeadTerms();
  const [alert, setAlert] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  // Only terms that have not started can change hands.
  const options = terms
    .filter((term) => termPhase(term, now) === 'future')
    .map((term) => ({
      value: term.id,
      label: t('rotation.termOption', {
        organization: displayName(term.organization, language),
        range: termRange(term, t, timeZone),
      }),
    }));

  const close = () => {
    setAlert(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: { firstId: string; secondId: string }) => {
    setAlert(null);
    const result = await swap({ input: { ...values, leadScheduleVersion: scheduleVersion } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.swapLeadTerms.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { firstId: 'firstId', secondId: 'secondId' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('rotation.swapped'));
    close();
  };

  return (
    <Modal
      open={open}
      title={t('rotation.swap')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('rotation.swap')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('rotation.swapHint')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="swapLeadTerms"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={fetching}
      >
        <Form.Item
          name="firstId"
          label={t('rotation.first')}
          rules={[{ required: true, message: t('rotation.termRequired') }]}
        >
          <Select options={options} />
        </Form.Item>
        <Form.Item
          name="secondId"
          label={t('rotation.second')}
          dependencies={['firstId']}
          rules={[
            { required: true, message: t('rotation.termRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value !== getFieldValue('firstId')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('rotation.sameTerm'))),
            }),
          ]}
        >
          <Select options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The alliance admin's rotation tools: generate the schedule, swap two terms. */
export function RotationAdmin({
  allianceId,
  scheduleVersion,
  memberCount,
  terms,
  timeZone,
}: {
  allianceId: string;
  /** `Alliance.leadScheduleVersion` as read; every edit sends it back. */
  scheduleVersion: number;
  memberCount: number;
  terms: readonly LeadTermRow[];
  /** The alliance's zone: a term's days are dates there. */
  timeZone: string;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'generate' | 'swap' | null>(null);
  const [now] = useState(() => Date.now());
  const futureTerms = terms.filter((term) => termPhase(term, now) === 'future').length;
  return (
    <>
      <Space wrap>
        <Button icon={<CalendarOutlined />} onClick={() => setDialog('generate')}>
          {t('rotation.generate')}
        </Button>
        <Button icon={<SwapOutlined />} onClick={() => setDialog('swap')} disabled={futureTerms < 2}>
          {t('rotation.swap')}
        </Button>
      </Space>
      <GenerateModal
        allianceId={allianceId}
        scheduleVersion={scheduleVersion}
        memberCount={memberCount}
        open={dialog === 'generate'}
        onClose={() => setDialog(null)}
      />
      <SwapModal
        terms={terms}
        scheduleVersion={scheduleVersion}
        timeZone={timeZone}
        open={dialog === 'swap'}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
