import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Markdown } from '@/components/markdown';
import { PageHeader } from '@/components/page-header';
import type { DocumentKind } from '@/gql/graphql';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useAddDocumentVersion } from '../api/add-document-version';
import { useCreateDocument } from '../api/create-document';
import { useDocuments } from '../api/get-documents';

const KINDS: DocumentKind[] = ['WORKING_RULES', 'ANNUAL_PLAN', 'SUMMARY', 'OTHER'];

interface VersionValues {
  kind?: DocumentKind;
  title?: string;
  label?: string;
  effectiveOn?: Dayjs;
  body: string;
  note?: string;
}

/** An alliance's library: the working rules in effect first, then every document with all its versions. */
export function DocumentsView({ allianceId }: { allianceId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useDocuments(allianceId);
  const [editing, setEditing] = useState<{ documentId?: string } | null>(null);
  if (error) return <ErrorAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Spin />;
  const alliance = data?.alliance;
  if (!alliance) return <Alert type="warning" showIcon message={t('documents.notFound')} />;
  const manages = alliance.viewerRoles.includes('ALLIANCE_ADMIN');
  const rules = alliance.currentWorkingRules;
  return (
    <>
      <PageHeader
        title={t('documents.titleOf', { name: alliance.name })}
        extra={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('documents.create')}
            </Button>
          ) : null
        }
      />
      <Card id="working-rules" size="small" title={t('documents.currentWorkingRules')} style={{ marginBottom: 16 }}>
        {rules ? (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong>{rules.document?.title}</Typography.Text>
              {rules.label && <Tag>{rules.label}</Tag>}
              <Typography.Text type="secondary">
                {t('documents.effectiveOn', { date: rules.effectiveOn })}
              </Typography.Text>
            </Space>
            <Markdown label={t('documents.currentWorkingRules')}>{rules.body ?? ''}</Markdown>
          </>
        ) : (
          <Empty description={t('documents.noWorkingRules')} />
        )}
      </Card>
      {alliance.documents.nodes.length === 0 ? (
        <Empty description={t('documents.empty')} />
      ) : (
        alliance.documents.nodes.map((document) => (
          <Card
            key={document.id}
            size="small"
            style={{ marginBottom: 16 }}
            title={
              <Space wrap>
                {document.title}
                <Tag>{t(`documents.kind.${document.kind}`)}</Tag>
              </Space>
            }
            extra={
              manages ? (
                <Button size="small" onClick={() => setEditing({ documentId: document.id })}>
                  {t('documents.addVersion')}
                </Button>
              ) : null
            }
          >
            <Collapse
              size="small"
              items={document.versions.map((v) => ({
                key: v.id,
                label: t('documents.versionLabel', { number: v.number, label: v.label ?? '', date: v.effectiveOn }),
                children: (
                  <>
                    {v.note && <Typography.Paragraph type="secondary">{v.note}</Typography.Paragraph>}
                    <Markdown label={document.title}>{v.body ?? ''}</Markdown>
                  </>
                ),
              }))}
            />
          </Card>
        ))
      )}
      <VersionModal
        allianceId={allianceId}
        target={editing}
        onClose={() => setEditing(null)}
        onDone={() => refetch({ requestPolicy: 'network-only' })}
      />
    </>
  );
}

function VersionModal({
  allianceId,
  target,
  onClose,
  onDone,
}: {
  allianceId: string;
  target: { documentId?: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VersionValues>();
  const [create, createDocument] = useCreateDocument();
  const [add, addVersion] = useAddDocumentVersion();
  const [alert, setAlert] = useState<string | null>(null);
  const isNew = target !== null && !target.documentId;
  const onFinish = async (values: VersionValues) => {
    setAlert(null);
    const common = {
      body: values.body,
      label: values.label ?? null,
      note: values.note ?? null,
      effectiveOn: values.effectiveOn ? values.effectiveOn.format('YYYY-MM-DD') : null,
    };
    const result = isNew
      ? await createDocument({
          input: { allianceId, kind: values.kind ?? 'OTHER', title: values.title ?? '', ...common },
        })
      : await addVersion({ input: { documentId: target?.documentId ?? '', ...common } });
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const data = result.data;
    const errors =
      data && 'createDocument' in data
        ? data.createDocument.userErrors
        : data && 'addDocumentVersion' in data
          ? data.addDocumentVersion.userErrors
          : [];
    if (errors.length > 0) {
      const unmatched = showUserErrors(form, errors, t, { title: 'title', body: 'body', label: 'label', note: 'note' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('documents.saved'));
    form.resetFields();
    onClose();
    onDone();
  };
  return (
    <Modal
      open={target !== null}
      title={isNew ? t('documents.create') : t('documents.addVersion')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('documents.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.fetching || add.fetching }}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'WORKING_RULES' }}>
        {isNew && (
          <>
            <Form.Item name="kind" label={t('documents.fields.kind')}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('documents.fields.title')}
              rules={[{ required: true, message: t('documents.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="label" label={t('documents.fields.label')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('documents.fields.effectiveOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('documents.fields.body')}
          rules={[{ required: true, message: t('documents.required') }]}
        >
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item name="note" label={t('documents.fields.note')}>
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
