import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import type { AgendaItemStatus } from '@/gql/graphql';
import { formatDateTime } from '@/i18n/format';
import { useRefetchOnFocus } from '@/hooks/use-refetch-on-focus';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useMyAgendaProposals, useUpdateAgendaProposal, useWithdrawAgendaProposal } from '../api/my-agenda-proposals';
import { isMeetingOpen } from './my-attendance';

const STATUS_COLOR: Record<AgendaItemStatus, string> = {
  PROPOSED: 'blue',
  ACCEPTED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

const TOUCH = { minHeight: 44 };

type Proposal = ReturnType<typeof useMyAgendaProposals>['nodes'][number];

interface EditValues {
  title: string;
  description?: string;
}

function EditModal({ proposal, onClose }: { proposal: Proposal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [{ fetching }, update] = useUpdateAgendaProposal();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: EditValues) => {
    if (!proposal) return;
    setAlert(null);
    const result = await update({
      input: {
        id: proposal.id,
        title: values.title.trim(),
        description: values.description ?? null,
        version: proposal.version,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.updateAgendaProposal.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { title: 'title', description: 'description' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('meetingCycle.proposalSaved'));
    onClose();
  };

  return (
    <Modal
      open={proposal !== null}
      title={t('meetingCycle.editProposal')}
      onCancel={onClose}
      okText={t('meetingCycle.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching, style: TOUCH }}
      cancelButtonProps={{ style: TOUCH }}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      {proposal && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={fetching}
          name="editAgendaProposal"
          initialValues={{ title: proposal.title, description: proposal.description ?? '' }}
        >
          <Form.Item
            name="title"
            label={t('agenda.itemTitle')}
            rules={[{ required: true, whitespace: true, message: t('agenda.itemTitleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('meetingCycle.description')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** 我的议题: the agenda proposals of the viewer's organizations with their status; edit or withdraw until decided. */
export function MyProposals() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const proposals = useMyAgendaProposals();
  useRefetchOnFocus(proposals.refetch);
  const [editing, setEditing] = useState<Proposal | null>(null);
  const [{ fetching: withdrawing }, withdraw] = useWithdrawAgendaProposal();

  const onWithdraw = async (proposal: Proposal) => {
    const result = await withdraw({ input: { id: proposal.id, version: proposal.version } });
    const userError = result.data?.withdrawAgendaProposal.userErrors[0];
    if (result.error) void message.error(describeError(result.error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else void message.success(t('meetingCycle.withdrawn'));
  };

  const changeable = (proposal: Proposal) =>
    proposal.status === 'PROPOSED' &&
    isMeetingOpen(proposal.meeting) &&
    Date.parse(proposal.meeting.agendaDeadline) > Date.now();

  return (
    <>
      <PageHeader title={t('meetingCycle.myProposals')} />
      <Typography.Paragraph type="secondary">{t('meetingCycle.myProposalsIntro')}</Typography.Paragraph>
      {proposals.error && <ErrorAlert error={proposals.error} onRetry={proposals.refetch} />}
      <List
        loading={proposals.loading}
        dataSource={proposals.nodes as Proposal[]}
        rowKey="id"
        split={false}
        locale={{ emptyText: t('meetingCycle.myProposalsEmpty') }}
        renderItem={(proposal) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Card size="small" style={{ width: '100%' }} role="article" aria-label={proposal.title}>
              <Flex vertical gap={8}>
                <Flex wrap gap={8} align="center">
                  <Typography.Text strong>{proposal.title}</Typography.Text>
                  <Tag color={STATUS_COLOR[proposal.status]}>{t(`enums.agendaItemStatus.${proposal.status}`)}</Tag>
                </Flex>
                {proposal.description && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {proposal.description}
                  </Typography.Paragraph>
                )}
                <Typography.Text type="secondary">
                  <Link to={`/meetings/${proposal.meeting.id}`}>{proposal.meeting.title}</Link> ·{' '}
                  {formatDateTime(proposal.meeting.startsAt, proposal.meeting.alliance.timeZone)}
                </Typography.Text>
                {changeable(proposal) && (
                  <Flex wrap gap={8}>
                    <Button
                      icon={<EditOutlined />}
                      style={TOUCH}
                      aria-label={t('meetingCycle.editLabel', { title: proposal.title })}
                      onClick={() => setEditing(proposal)}
                    >
                      {t('meetingCycle.edit')}
                    </Button>
                    <Popconfirm
                      title={t('meetingCycle.withdrawConfirm')}
                      okText={t('meetingCycle.withdraw')}
                      cancelText={t('meetingCycle.cancel')}
                      okButtonProps={{ style: TOUCH, danger: true }}
                      cancelButtonProps={{ style: TOUCH }}
                      onConfirm={() => onWithdraw(proposal)}
                    >
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        style={TOUCH}
                        loading={withdrawing}
                        aria-label={t('meetingCycle.withdrawLabel', { title: proposal.title })}
                      >
                        {t('meetingCycle.withdraw')}
                      </Button>
                    </Popconfirm>
                  </Flex>
                )}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <LoadMore
        shown={proposals.nodes.length}
        total={proposals.totalCount}
        hasNextPage={proposals.hasNextPage}
        loading={proposals.loadingMore}
        onLoadMore={proposals.loadMore}
      />
      <EditModal proposal={editing} onClose={() => setEditing(null)} />
    </>
  );
}
