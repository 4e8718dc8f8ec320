import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { displayName, formatDateTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useDecideAgendaItem } from '../api/decide-agenda-item';
import { useProposeAgendaItem } from '../api/propose-agenda-item';
import { useReorderAgenda } from '../api/reorder-agenda';
import { isMeetingOpen } from './my-attendance';
import type { MeetingDetail } from './types';

type AgendaItem = MeetingDetail['agendaItems'][number];

interface ProposeValues {
  title: string;
  presenterOrganizationId?: string;
  minutesAllotted?: number | null;
}

function ProposeForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposeValues>();
  const [{ fetching }, proposeAgendaItem] = useProposeAgendaItem();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async (values: ProposeValues) => {
    setAlert(null);
    const result = await proposeAgendaItem({
      input: {
        meetingId: meeting.id,
        title: values.title.trim(),
        presenterOrganizationId: values.presenterOrganizationId ?? null,
        minutesAllotted: values.minutesAllotted ?? null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.proposeAgendaItem.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, {
        title: 'title',
        presenterOrganizationId: 'presenterOrganizationId',
        minutesAllotted: 'minutesAllotted',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    void message.success(t('agenda.proposed'));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={fetching}
      aria-label={t('agenda.propose')}
      name="proposeAgendaItem"
    >
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 0 }}>
        {t('agenda.propose')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('agenda.deadline', { time: formatDateTime(meeting.agendaDeadline, meeting.alliance.timeZone) })}
      </Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="title"
        label={t('agenda.itemTitle')}
        rules={[{ required: true, whitespace: true, message: t('agenda.itemTitleRequired') }]}
      >
        <Input placeholder={t('agenda.itemTitlePlaceholder')} maxLength={300} />
      </Form.Item>
      <Flex wrap gap={12}>
        <Form.Item name="presenterOrganizationId" label={t('agenda.presenter')} style={{ flex: '1 1 220px' }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('agenda.presenterPlaceholder')}
            options={meeting.alliance.members.nodes.map((membership) => ({
              value: membership.organization.id,
              label: displayName(membership.organization, language),
            }))}
          />
        </Form.Item>
        <Form.Item name="minutesAllotted" label={t('agenda.minutesAllotted')} style={{ flex: '0 1 160px' }}>
          <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('agenda.submit')}
      </Button>
    </Form>
  );
}

/** The agenda: accepted items in order, proposals to decide on, and the form to propose one. */
export function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [{ fetching: deciding }, decideAgendaItem] = useDecideAgendaItem();
  const [{ fetching: reordering }, reorderAgenda] = useReorderAgenda();
  const canManage = meeting.viewerCanManage;

  const byPosition = [...meeting.agendaItems].sort((a, b) => a.position - b.position);
  const accepted = byPosition.filter((item) => item.status === 'ACCEPTED');
  const proposed = byPosition.filter((item) => item.status === 'PROPOSED');
  const rejected = byPosition.filter((item) => item.status === 'REJECTED');
  const deadlinePassed = Date.parse(meeting.agendaDeadline) <= Date.now();
  const closed = !isMeetingOpen(meeting);

  const report = (
    error: Parameters<typeof describeError>[0] | undefined,
    userError: Parameters<typeof describeUserError>[0] | undefined,
    success: string,
  ) => {
    if (error) void message.error(describeError(error, t));
    else if (userError) void message.error(describeUserError(userError, t));
    else void message.success(success);
  };

  const decide = async (item: AgendaItem, accept: boolean) => {
    const result = await decideAgendaItem({ input: { id: item.id, accept } });
    report(
      result.error,
      result.data?.decideAgendaItem.userErrors[0],
      accept ? t('agenda.accepted') : t('agenda.rejectedDone'),
    );
  };

  const move = async (index: number, offset: -1 | 1) => {
    const order = accepted.map((item) => item.id);
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + offset, 0, moved);
    // The accepted items in their new order, then the others where they were.
    const itemIds = [...order, ...byPosition.filter((item) => item.status !== 'ACCEPTED').map((item) => item.id)];
    const result = await reorderAgenda({ input: { meetingId: meeting.id, itemIds } });
    report(result.error, result.data?.reorderAgenda.userErrors[0], t('agenda.reordered'));
  };

  const describe = (item: AgendaItem) => (
    <Flex wrap gap={8}>
      {item.presenterOrganization && (
        <span>
          {t('agenda.presenter')}: {displayName(item.presenterOrganization, language)}
        </span>
      )}
      {item.minutesAllotted !== null && <span>{t('agenda.minutes', { count: item.minutesAllotted })}</span>}
      {item.proposedByOrganization && (
        <span>{t('agenda.proposedBy', { organization: displayName(item.proposedByOrganization, language) })}</span>
      )}
    </Flex>
  );

  return (
    <Card
      title={<SectionTitle>{t('agenda.title')}</SectionTitle>}
      id="agenda"
      role="region"
      aria-label={t('agenda.title')}
    >
      <List
        aria-label={t('agenda.title')}
        dataSource={accepted}
        rowKey="id"
        locale={{ emptyText: t('agenda.empty') }}
        renderItem={(item, index) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Button
                      key="up"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0 || reordering}
                      aria-label={t('agenda.moveUpLabel', { title: item.title })}
                      onClick={() => void move(index, -1)}
                    />,
                    <Button
                      key="down"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={index === accepted.length - 1 || reordering}
                      aria-label={t('agenda.moveDownLabel', { title: item.title })}
                      onClick={() => void move(index, 1)}
                    />,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {index + 1}. {item.title}
                </span>
              }
              description={describe(item)}
            />
          </List.Item>
        )}
      />
      {proposed.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
            {t('agenda.proposals')}
          </Typography.Title>
          <List
            aria-label={t('agenda.proposals')}
            dataSource={proposed}
            rowKey="id"
            renderItem={(item) => (
              <List.Item
                actions={
                  canManage
                    ? [
                        <Button
                          key="accept"
                          size="small"
                          type="primary"
                          icon={<CheckOutlined />}
                          loading={deciding}
                          aria-label={t('agenda.acceptLabel', { title: item.title })}
                          onClick={() => void decide(item, true)}
                        >
                          {t('agenda.accept')}
                        </Button>,
                        <Button
                          key="reject"
                          size="small"
                          icon={<CloseOutlined />}
                          disabled={deciding}
                          aria-label={t('agenda.rejectLabel', { title: item.title })}
                          onClick={() => void decide(item, false)}
                        >
                          {t('agenda.reject')}
                        </Button>,
                      ]
                    : [<Tag key="status">{t('enums.agendaItemStatus.PROPOSED')}</Tag>]
                }
              >
                <List.Item.Meta title={item.title} description={describe(item)} />
              </List.Item>
            )}
          />
        </>
      )}
      {rejected.length > 0 && (
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'rejected',
              label: `${t('agenda.rejected')} (${rejected.length})`,
              children: (
                <Space direction="vertical">
                  {rejected.map((item) => (
                    <Typography.Text key={item.id} type="secondary" delete>
                      {item.title}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      <div style={{ marginTop: 16 }}>
        {closed ? (
          <Typography.Text type="secondary">{t('meetingCycle.closed')}</Typography.Text>
        ) : meeting.viewerCanPropose ? (
          <ProposeForm meeting={meeting} />
        ) : (
          deadlinePassed && (
            <Typography.Text type="secondary">
              {t('agenda.deadlinePassed', { time: formatDateTime(meeting.agendaDeadline, meeting.alliance.timeZone) })}
            </Typography.Text>
          )
        )}
      </div>
    </Card>
  );
}
