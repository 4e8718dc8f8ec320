import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { useApproveResourceBooking } from '../api/approve-resource-booking';
import { useCancelResourceBooking } from '../api/cancel-resource-booking';
import { useDeclineResourceBooking } from '../api/decline-resource-booking';
import { useMarkResourceBookingUsed } from '../api/mark-resource-booking-used';

export interface BookingForActions {
  id: string;
  version: number;
  viewerCanDecide: boolean;
  viewerCanMarkUsed: boolean;
  viewerCanCancel: boolean;
  status: string;
}

/** A text the owner must give: the reason of a decline, the note of a use. */
function TextModal({
  open,
  title,
  label,
  required,
  saving,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  required: string;
  saving: boolean;
  error: string | null;
  onSubmit: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving }}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      forceRender
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => onSubmit(v.text)}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Approve, decline (with a reason), mark used (with a note) or cancel, as the viewer may. */
export function BookingActions({ booking, onChanged }: { booking: BookingForActions; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching: approving }, approve] = useApproveResourceBooking();
  const [{ fetching: declining }, decline] = useDeclineResourceBooking();
  const [{ fetching: marking }, markUsed] = useMarkResourceBookingUsed();
  const [{ fetching: cancelling }, cancel] = useCancelResourceBooking();
  const [open, setOpen] = useState<'decline' | 'used' | null>(null);
  const [error, setError] = useState<string | null>(null);

  type Outcome = { error?: Parameters<typeof describeError>[0]; userErrors: { code: string; message: string }[] };
  const finish = (outcome: Outcome, done: string): boolean => {
    if (outcome.error) {
      setError(hasErrorCode(outcome.error, 'CONFLICT') ? t('resources.conflict') : describeError(outcome.error, t));
      return false;
    }
    const first = outcome.userErrors[0];
    if (first) {
      setError(first.code === 'OVERLAP' ? `${t('resources.overlap')}: ${first.message}` : first.message);
      return false;
    }
    setError(null);
    void message.success(done);
    onChanged();
    return true;
  };
  const input = { id: booking.id, version: booking.version };
  const requested = booking.status === 'REQUESTED';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && !open && <Alert type="error" showIcon role="alert" message={error} />}
      <Space wrap>
        {booking.viewerCanDecide && requested && (
          <Button
            type="primary"
            size="small"
            loading={approving}
            onClick={async () => {
              const r = await approve({ input });
              finish(
                { error: r.error, userErrors: r.data?.approveResourceBooking.userErrors ?? [] },
                t('resources.approved'),
              );
            }}
          >
            {t('resources.approve')}
          </Button>
        )}
        {booking.viewerCanDecide && requested && (
          <Button size="small" danger onClick={() => setOpen('decline')}>
            {t('resources.decline')}
          </Button>
        )}
        {booking.viewerCanMarkUsed && booking.status === 'APPROVED' && (
          <Button size="small" onClick={() => setOpen('used')}>
            {t('resources.markUsed')}
          </Button>
        )}
        {booking.viewerCanCancel && (requested || booking.status === 'APPROVED') && (
          <Button
            size="small"
            loading={cancelling}
            onClick={async () => {
              const r = await cancel({ input });
              finish(
                { error: r.error, userErrors: r.data?.cancelResourceBooking.userErrors ?? [] },
                t('resources.cancelled'),
              );
            }}
          >
            {t('resources.cancel')}
          </Button>
        )}
      </Space>
      <TextModal
        open={open === 'decline'}
        title={t('resources.declineTitle')}
        label={t('resources.reason')}
        required={t('resources.reasonRequired')}
        saving={declining}
        error={open === 'decline' ? error : null}
        onClose={() => setOpen(null)}
        onSubmit={async (reason) => {
          const r = await decline({ input: { ...input, reason } });
          if (
            finish(
              { error: r.error, userErrors: r.data?.declineResourceBooking.userErrors ?? [] },
              t('resources.declined'),
            )
          )
            setOpen(null);
        }}
      />
      <TextModal
        open={open === 'used'}
        title={t('resources.markUsedTitle')}
        label={t('resources.contributionNote')}
        required={t('resources.contributionNoteRequired')}
        saving={marking}
        error={open === 'used' ? error : null}
        onClose={() => setOpen(null)}
        onSubmit={async (contributionNote) => {
          const r = await markUsed({ input: { ...input, contributionNote } });
          if (
            finish(
              { error: r.error, userErrors: r.data?.markResourceBookingUsed.userErrors ?? [] },
              t('resources.marked'),
            )
          )
            setOpen(null);
        }}
      />
    </Space>
  );
}
