import { CheckOutlined, ReloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '@/components/markdown';
import { SectionTitle } from '@/components/section-title';
import type { MinutesStatus } from '@/gql/graphql';
import { formatDateTime } from '@/i18n/format';
import { describeError, describeUserError, hasErrorCode } from '@/lib/graphql/errors';
import { useApproveMinutes } from '../api/approve-minutes';
import { useReturnMinutes } from '../api/return-minutes';
import { useSaveMinutes } from '../api/save-minutes';
import { useSubmitMinutes } from '../api/submit-minutes';
import type { MeetingDetail } from './types';

type Minutes = NonNullable<MeetingDetail['minutes']>;

function StatusTag({ status }: { status: MinutesStatus }) {
  const { t } = useTranslation();
  const color = { APPROVED: 'green', SUBMITTED: 'blue', RETURNED: 'red', DRAFT: 'gold' }[status];
  return <Tag color={color}>{t(`enums.minutesStatus.${status}`)}</Tag>;
}

function MinutesFacts({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      {minutes.status === 'APPROVED' && minutes.approvedAt
        ? minutes.approvedBy
          ? t('minutes.approvedBy', { name: minutes.approvedBy.name, time: formatDateTime(minutes.approvedAt) })
          : t('minutes.approvedAt', { time: formatDateTime(minutes.approvedAt) })
        : minutes.status === 'SUBMITTED' && minutes.submittedAt
          ? t('minutes.waiting', { time: formatDateTime(minutes.submittedAt) })
          : t('minutes.updatedAt', { time: formatDateTime(minutes.updatedAt) })}
    </Typography.Text>
  );
}

/** The reviewer's comment on returned minutes, for the convener who changes them. */
function ReturnedNote({ minutes }: { minutes: Minutes }) {
  const { t } = useTranslation();
  if (!minutes.returnComment) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message={
        minutes.returnedBy ? t('minutes.returnedBy', { name: minutes.returnedBy.name }) : t('minutes.returnedNote')
      }
      description={<span style={{ whiteSpace: 'pre-wrap' }}>{minutes.returnComment}</span>}
    />
  );
}

/** Shows a mutation's outcome as a message; true when it applied. */
function useOutcome() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    result: { error?: Parameters<typeof describeError>[0]; userErrors?: Parameters<typeof describeUserError>[0][] },
    success: string,
    onConflict: () => void,
  ) => {
    const userError = result.userErrors?.[0];
    if (hasErrorCode(result.error, 'CONFLICT')) {
      onConflict();
      void message.error(t('minutes.conflict'));
    } else if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else {
      void message.success(success);
      return true;
    }
    return false;
  };
}

/** The comment a reviewer returns the minutes with (required). */
function ReturnModal({
  open,
  busy,
  onCancel,
  onReturn,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onReturn: (comment: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open={open}
      title={t('minutes.returnTitle')}
      okText={t('minutes.return')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((values) => onReturn(values.comment.trim()))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={t('minutes.returnComment')}
          rules={[{ required: true, whitespace: true, message: t('minutes.returnRequired') }, { max: 5000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('minutes.returnPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The convener's editor: markdown with a live preview. Saving names the version the text was based on,
 * so edits by someone else in the meantime are refused (CONFLICT) instead of overwritten.
 */
function MinutesEditor({ meeting, onRefetch }: { meeting: MeetingDetail; onRefetch: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, saveMinutes] = useSaveMinutes();
  const [{ fetching: submitting }, submitMinutes] = useSubmitMinutes();
  const { modal } = App.useApp();
  const outcome = useOutcome();
  const server = meeting.minutes;
  const [draft, setDraft] = useState(server?.body ?? '');
  const [baseVersion, setBaseVersion] = useState<number | null>(server?.version ?? null);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Follow the server's text while there is nothing unsaved here (e.g. a co-convener saved).
  useEffect(() => {
    if (dirty) return;
    setDraft(server?.body ?? '');
    setBaseVersion(server?.version ?? null);
  }, [server?.body, server?.version, dirty]);

  const save = async () => {
    setError(null);
    const result = await saveMinutes({ input: { meetingId: meeting.id, body: draft, version: baseVersion } });
    const userErrors = result.data?.saveMinutes.userErrors ?? [];
    if (hasErrorCode(result.error, 'CONFLICT') || userErrors.some((userError) => userError.code === 'CONFLICT')) {
      setConflict(true);
      return;
    }
    if (result.error) {
      setError(describeError(result.error, t));
      return;
    }
    if (userErrors[0]) {
      setError(userErrors.map((userError) => describeUserError(userError, t)).join(' '));
      return;
    }
    const saved = result.data?.saveMinutes.minutes;
    if (saved) setBaseVersion(saved.version);
    setDirty(false);
    void message.success(t('minutes.saved'));
  };

  const confirmSubmit = (current: Minutes) => {
    void modal.confirm({
      title: t('minutes.submitTitle'),
      content: t('minutes.submitConfirm'),
      okText: t('minutes.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await submitMinutes({ input: { meetingId: meeting.id, version: current.version } });
        outcome(
          { error: result.error, userErrors: result.data?.submitMinutes.userErrors },
          t('minutes.submitted'),
          () => setConflict(true),
        );
      },
    });
  };

  const reload = () => {
    setConflict(false);
    setDirty(false);
    onRefetch();
  };

  return (
    <Flex vertical gap={12}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('minutes.conflict')}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={reload}>
              {t('minutes.reload')}
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {server && <ReturnedNote minutes={server} />}
      <Tabs
        items={[
          {
            key: 'edit',
            label: t('minutes.edit'),
            children: (
              <Input.TextArea
                aria-label={t('minutes.editor')}
                value={draft}
                onChange={(event) => {
                  setDraft(event.target.value);
                  setDirty(true);
                }}
                placeholder={t('minutes.placeholder')}
                autoSize={{ minRows: 8, maxRows: 30 }}
                disabled={fetching}
              />
            ),
          },
          {
            key: 'preview',
            label: t('minutes.preview'),
            children: draft.trim() ? (
              <Markdown>{draft}</Markdown>
            ) : (
              <Typography.Text type="secondary">{t('minutes.previewEmpty')}</Typography.Text>
            ),
          },
        ]}
      />
      <Flex wrap gap={8} align="center">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={fetching}
          disabled={conflict}
          onClick={() => void save()}
        >
          {t('minutes.save')}
        </Button>
        {server && !dirty && (server.status === 'DRAFT' || server.status === 'RETURNED') && (
          <Button
            icon={<SendOutlined />}
            loading={submitting}
            disabled={conflict}
            onClick={() => confirmSubmit(server)}
          >
            {t('minutes.submit')}
          </Button>
        )}
        {dirty && <Typography.Text type="warning">{t('minutes.unsaved')}</Typography.Text>}
        {server && !dirty && <MinutesFacts minutes={server} />}
      </Flex>
    </Flex>
  );
}

/** Minutes: the editor for conveners, the text (and the approve button) for supervisors, approved text for members. */
export function MinutesSection({ meeting, onRefetch }: { meeting: MeetingDetail; onRefetch: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [{ fetching: approving }, approveMinutes] = useApproveMinutes();
  const [{ fetching: returning }, returnMinutes] = useReturnMinutes();
  const [returnOpen, setReturnOpen] = useState(false);
  const outcome = useOutcome();
  const minutes = meeting.minutes;
  const editable = meeting.viewerCanManage && minutes?.status !== 'APPROVED';

  const confirmApprove = (current: Minutes) => {
    void modal.confirm({
      title: t('minutes.approveTitle'),
      content: t('minutes.approveConfirm'),
      okText: t('minutes.approve'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await approveMinutes({ input: { meetingId: meeting.id, version: current.version } });
        outcome(
          { error: result.error, userErrors: result.data?.approveMinutes.userErrors },
          t('minutes.approved'),
          onRefetch,
        );
      },
    });
  };

  const sendBack = async (current: Minutes, comment: string) => {
    const result = await returnMinutes({ input: { meetingId: meeting.id, version: current.version, comment } });
    if (
      outcome(
        { error: result.error, userErrors: result.data?.returnMinutes.userErrors },
        t('minutes.returned'),
        onRefetch,
      )
    )
      setReturnOpen(false);
  };
  const reviewable = meeting.viewerCanApprove && (minutes?.status === 'DRAFT' || minutes?.status === 'SUBMITTED');

  return (
    <Card
      title={<SectionTitle>{t('minutes.title')}</SectionTitle>}
      extra={minutes && <StatusTag status={minutes.status} />}
      id="minutes"
      role="region"
      aria-label={t('minutes.title')}
    >
      {editable ? (
        <MinutesEditor meeting={meeting} onRefetch={onRefetch} />
      ) : minutes ? (
        <Flex vertical gap={12}>
          <Markdown label={t('minutes.title')}>{minutes.body}</Markdown>
          <MinutesFacts minutes={minutes} />
        </Flex>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              {t('minutes.none')}
              <br />
              <Typography.Text type="secondary">{t('minutes.notApproved')}</Typography.Text>
            </>
          }
        />
      )}
      {reviewable && minutes && (
        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" icon={<CheckOutlined />} loading={approving} onClick={() => confirmApprove(minutes)}>
            {t('minutes.approve')}
          </Button>
          <Button icon={<RollbackOutlined />} onClick={() => setReturnOpen(true)}>
            {t('minutes.return')}
          </Button>
          <ReturnModal
            open={returnOpen}
            busy={returning}
            onCancel={() => setReturnOpen(false)}
            onReturn={(comment) => void sendBack(minutes, comment)}
          />
        </Flex>
      )}
    </Card>
  );
}
