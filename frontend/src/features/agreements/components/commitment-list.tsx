import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementQuery } from '@/gql/graphql';
import { formatDateTime } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useAddCommitment } from '../api/add-commitment';
import { useAddCommitmentNote } from '../api/add-commitment-note';

type Commitment = NonNullable<AgreementQuery['agreement']>['commitments'][number];

/** The agreement's commitments with progress bars and notes; adding commitments and progress notes. */
export function CommitmentList({
  agreementId,
  commitments,
  parties,
  mayAdd,
  onChanged,
}: {
  agreementId: string;
  commitments: readonly Commitment[];
  parties: readonly { id: string; name: string }[];
  mayAdd: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [noting, setNoting] = useState<Commitment | null>(null);
  return (
    <Card
      size="small"
      title={t('agreements.commitments')}
      extra={
        mayAdd ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('agreements.addCommitment')}
          </Button>
        ) : null
      }
    >
      <List
        dataSource={[...commitments]}
        locale={{ emptyText: t('agreements.noCommitments') }}
        renderItem={(c) => (
          <List.Item
            actions={
              c.viewerCanUpdate
                ? [
                    <Button key="note" size="small" onClick={() => setNoting(c)}>
                      {t('agreements.addNote')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <Space wrap>
                <Typography.Text strong>{c.title}</Typography.Text>
                <Tag>{t(`agreements.commitmentStatus.${c.status}`)}</Tag>
                <Typography.Text type="secondary">{c.ownerOrganization?.name}</Typography.Text>
              </Space>
              {c.targetText && <Typography.Text type="secondary">{c.targetText}</Typography.Text>}
              {c.targetValue !== null && c.targetValue !== undefined && (
                <div aria-label={t('agreements.progressOf', { title: c.title })}>
                  <Progress percent={Math.min(100, Math.round(c.progressPercent ?? 0))} size="small" />
                  <Typography.Text type="secondary">
                    {t('agreements.progress', {
                      value: c.progressValue,
                      target: c.targetValue,
                      unit: c.targetUnit ?? '',
                    })}
                  </Typography.Text>
                </div>
              )}
              {c.activities.length > 0 && (
                <Space direction="vertical" size={2} aria-label={t('agreements.activitiesOf', { title: c.title })}>
                  <Typography.Text strong>{t('agreements.servingActivities')}</Typography.Text>
                  {c.activities.map((a) => (
                    <span key={a.id}>
                      <Link to={`/activities/${a.id}`}>{a.theme}</Link>{' '}
                      <Typography.Text type="secondary">{formatDateTime(a.startsAt)}</Typography.Text>
                    </span>
                  ))}
                </Space>
              )}
              {c.notes.map((n) => (
                <Typography.Text key={n.id} type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)} · {n.body}
                  {n.progressAmount ? ` (+${n.progressAmount})` : ''}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
      <AddCommitmentModal
        open={adding}
        agreementId={agreementId}
        parties={parties}
        onClose={() => setAdding(false)}
        onDone={onChanged}
      />
      <NoteModal commitment={noting} onClose={() => setNoting(null)} onDone={onChanged} />
    </Card>
  );
}

interface CommitmentValues {
  ownerOrganizationId: string;
  title: string;
  targetText?: string;
  targetValue?: number;
  targetUnit?: string;
}

function AddCommitmentModal({
  open,
  agreementId,
  parties,
  onClose,
  onDone,
}: {
  open: boolean;
  agreementId: string;
  parties: readonly { id: string; name: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommitmentValues>();
  const [{ fetching }, addCommitment] = useAddCommitment();
  const [alert, setAlert] = useState<string | null>(null);
  const onFinish = async (values: CommitmentValues) => {
    setAlert(null);
    const result = await addCommitment({
      input: {
        agreementId,
        ownerOrganizationId: values.ownerOrganizationId,
        title: values.title,
        targetText: values.targetText ?? null,
        targetValue: values.targetValue ?? null,
        targetUnit: values.targetUnit ?? null,
      },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const errors = result.data?.addCommitment.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, {
        ownerOrganizationId: 'ownerOrganizationId',
        title: 'title',
        targetText: 'targetText',
        targetValue: 'targetValue',
        targetUnit: 'targetUnit',
      });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('agreements.commitmentAdded'));
    form.resetFields();
    onClose();
    onDone();
  };
  return (
    <Modal
      open={open}
      title={t('agreements.addCommitment')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('agreements.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="ownerOrganizationId"
          label={t('agreements.fields.owner')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Select showSearch optionFilterProp="label" options={parties.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('agreements.fields.commitmentTitle')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="targetText" label={t('agreements.fields.targetText')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="targetValue" label={t('agreements.fields.targetValue')}>
            <InputNumber min={0.01} />
          </Form.Item>
          <Form.Item name="targetUnit" label={t('agreements.fields.targetUnit')}>
            <Input maxLength={20} style={{ width: 100 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function NoteModal({
  commitment,
  onClose,
  onDone,
}: {
  commitment: Commitment | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string; progressAmount?: number }>();
  const [{ fetching }, addNote] = useAddCommitmentNote();
  const [alert, setAlert] = useState<string | null>(null);
  const onFinish = async (values: { body: string; progressAmount?: number }) => {
    if (!commitment) return;
    setAlert(null);
    const result = await addNote({
      input: { commitmentId: commitment.id, body: values.body, progressAmount: values.progressAmount ?? null },
    });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const errors = result.data?.addCommitmentNote.userErrors ?? [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, { body: 'body', progressAmount: 'progressAmount' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    form.resetFields();
    onClose();
    onDone();
  };
  return (
    <Modal
      open={commitment !== null}
      title={t('agreements.addNote')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('agreements.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="body"
          label={t('agreements.fields.note')}
          rules={[{ required: true, message: t('agreements.required') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {commitment?.targetValue !== null && commitment?.targetValue !== undefined && (
          <Form.Item name="progressAmount" label={t('agreements.fields.progressAmount')}>
            <InputNumber min={0.01} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
