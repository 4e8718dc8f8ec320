import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { useIsPhone } from '@/hooks/use-is-phone';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useCreateActionItem } from '../api/create-action-item';
import { useOrganizationPeople } from '../api/get-organization-people';
import { ActionItemList } from './action-item-list';
import type { MeetingDetail } from './types';

interface CreateValues {
  title: string;
  decisionId?: string;
  assigneeOrganizationId: string;
  assigneeUserId?: string;
  dueOn?: Dayjs | null;
}

function CreateActionItemForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CreateValues>();
  const [{ fetching }, createActionItem] = useCreateActionItem();
  const [alert, setAlert] = useState<string | null>(null);
  const assigneeOrganizationId = Form.useWatch('assigneeOrganizationId', form);
  const { people } = useOrganizationPeople(assigneeOrganizationId);

  const onFinish = async (values: CreateValues) => {
    setAlert(null);
    const result = await createActionItem({
      input: {
        meetingId: meeting.id,
        title: values.title.trim(),
        decisionId: values.decisionId ?? null,
        assigneeOrganizationId: values.assigneeOrganizationId,
        assigneeUserId: values.assigneeUserId ?? null,
        dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.createActionItem.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, {
        title: 'title',
        decisionId: 'decisionId',
        assigneeOrganizationId: 'assigneeOrganizationId',
        assigneeUserId: 'assigneeUserId',
        dueOn: 'dueOn',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    void message.success(t('actionItems.created'));
    onDone();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      disabled={fetching}
      aria-label={t('actionItems.create')}
      name="createActionItem"
      onValuesChange={(changed: Partial<CreateValues>) => {
        if ('assigneeOrganizationId' in changed) form.setFieldValue('assigneeUserId', undefined);
      }}
    >
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="title"
        label={t('actionItems.itemTitle')}
        rules={[{ required: true, whitespace: true, message: t('actionItems.itemTitleRequired') }]}
      >
        <Input placeholder={t('actionItems.itemTitlePlaceholder')} maxLength={300} />
      </Form.Item>
      {meeting.decisions.length > 0 && (
        <Form.Item name="decisionId" label={t('actionItems.decision')}>
          <Select
            allowClear
            placeholder={t('actionItems.decisionPlaceholder')}
            options={meeting.decisions.map((decision, index) => ({
              value: decision.id,
              label: `${index + 1}. ${decision.text}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="assigneeOrganizationId"
        label={t('actionItems.assignee')}
        rules={[{ required: true, message: t('actionItems.assigneeRequired') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('actionItems.assigneePlaceholder')}
          options={meeting.alliance.members.nodes.map((membership) => ({
            value: membership.organization.id,
            label: displayName(membership.organization, language),
          }))}
        />
      </Form.Item>
      <Form.Item name="assigneeUserId" label={t('actionItems.person')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          disabled={people.length === 0}
          placeholder={t('actionItems.personPlaceholder')}
          options={people.map((person) => ({ value: person.id, label: person.name }))}
        />
      </Form.Item>
      <Form.Item name="dueOn" label={t('actionItems.dueOn')}>
        <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('actionItems.submit')}
      </Button>
    </Form>
  );
}

/** The meeting's action items; conveners create them, assignees and conveners update their progress. */
export function ActionItemsSection({ meeting, onRefetch }: { meeting: MeetingDetail; onRefetch: () => void }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={<SectionTitle>{t('actionItems.title')}</SectionTitle>}
      id="action-items"
      role="region"
      aria-label={t('actionItems.title')}
      extra={
        meeting.viewerCanManage &&
        !creating && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('actionItems.create')}
          </Button>
        )
      }
    >
      {creating && (
        <Card
          size="small"
          type="inner"
          title={t('actionItems.create')}
          style={{ marginBottom: 16 }}
          extra={
            <Button size="small" type="text" onClick={() => setCreating(false)}>
              {t('common.cancel')}
            </Button>
          }
        >
          <CreateActionItemForm meeting={meeting} onDone={() => setCreating(false)} />
        </Card>
      )}
      <ActionItemList
        label={t('actionItems.title')}
        items={meeting.actionItems}
        emptyText={t('actionItems.empty')}
        onConflict={onRefetch}
      />
    </Card>
  );
}
