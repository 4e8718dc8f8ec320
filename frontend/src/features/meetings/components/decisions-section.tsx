import { Alert, App, Button, Card, Form, Input, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '@/components/section-title';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useRecordDecision } from '../api/record-decision';
import type { MeetingDetail } from './types';

/** The meeting's decisions, numbered, and (for conveners) the form to record one. */
export function DecisionsSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [{ fetching }, recordDecision] = useRecordDecision();
  const [alert, setAlert] = useState<string | null>(null);

  const onFinish = async ({ text }: { text: string }) => {
    setAlert(null);
    const result = await recordDecision({ input: { meetingId: meeting.id, text: text.trim() } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const userErrors = result.data?.recordDecision.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { text: 'text' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    void message.success(t('decisions.recorded'));
  };

  return (
    <Card
      title={<SectionTitle>{t('decisions.title')}</SectionTitle>}
      id="decisions"
      role="region"
      aria-label={t('decisions.title')}
    >
      <List
        aria-label={t('decisions.title')}
        dataSource={meeting.decisions}
        rowKey="id"
        locale={{ emptyText: t('decisions.empty') }}
        renderItem={(decision, index) => (
          <List.Item>
            {index + 1}. {decision.text}
          </List.Item>
        )}
      />
      {meeting.viewerCanManage && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={fetching}
          style={{ marginTop: 16 }}
          aria-label={t('decisions.record')}
          name="recordDecision"
        >
          {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="text"
            label={t('decisions.text')}
            rules={[{ required: true, whitespace: true, message: t('decisions.textRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('decisions.placeholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {t('decisions.record')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
