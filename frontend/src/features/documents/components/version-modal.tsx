import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Progress,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadError, uploadMedia } from '@/components/media/upload-media';
import type { DocumentKind } from '@/gql/graphql';
import { describeError } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useAddDocumentVersion } from '../api/add-document-version';
import { useCreateDocument } from '../api/create-document';

const KINDS: DocumentKind[] = ['WORKING_RULES', 'ANNUAL_PLAN', 'SUMMARY', 'OTHER'];

/** What the file picker offers; the server decides by the bytes. */
const ACCEPT =
  '.pdf,.docx,.xlsx,image/jpeg,image/png,image/webp,application/pdf,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface VersionValues {
  kind?: DocumentKind;
  title?: string;
  label?: string;
  effectiveOn?: Dayjs;
  body: string;
  note?: string;
}

/** Creates a document (with its text) or adds a version to one, as text or as a file (with progress). */
export function VersionModal({
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
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const isNew = target !== null && !target.documentId;
  const asFile = !isNew && mode === 'file';

  const finished = () => {
    void message.success(t('documents.saved'));
    form.resetFields();
    setFile(null);
    setProgress(null);
    setMode('text');
    onClose();
    onDone();
  };

  const uploadFile = async (values: VersionValues) => {
    if (!file) {
      setAlert(t('documents.fileRequired'));
      return;
    }
    const extra: Record<string, string> = {};
    if (values.label) extra.label = values.label;
    if (values.note) extra.note = values.note;
    if (values.effectiveOn) extra.effectiveOn = values.effectiveOn.format('YYYY-MM-DD');
    setProgress(0);
    try {
      await uploadMedia({ field: 'documentId', id: target?.documentId ?? '', extra }, file, (fraction) =>
        setProgress(Math.round(fraction * 100)),
      );
      finished();
    } catch (e: unknown) {
      setProgress(null);
      const code = e instanceof UploadError ? e.code : 'NETWORK';
      const text = t(`documents.uploadErrors.${code}`, {
        defaultValue: t(`media.errors.${code}`, { defaultValue: t('media.errors.OTHER') }),
      });
      const field = e instanceof UploadError ? e.field : undefined;
      if (field === 'label' || field === 'note' || field === 'effectiveOn') {
        form.setFields([{ name: field, errors: [text] }]);
      } else {
        setAlert(text);
      }
    }
  };

  const onFinish = async (values: VersionValues) => {
    setAlert(null);
    if (asFile) {
      await uploadFile(values);
      return;
    }
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
    finished();
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
      okButtonProps={{ loading: create.fetching || add.fetching || progress !== null }}
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
        {!isNew && (
          <Form.Item label={t('documents.contentAs')}>
            <Segmented
              block
              aria-label={t('documents.contentAs')}
              value={mode}
              onChange={(value) => setMode(value === 'file' ? 'file' : 'text')}
              options={[
                { value: 'text', label: <span style={{ lineHeight: '44px' }}>{t('documents.asText')}</span> },
                { value: 'file', label: <span style={{ lineHeight: '44px' }}>{t('documents.asFile')}</span> },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="label" label={t('documents.fields.label')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('documents.fields.effectiveOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {asFile ? (
          <Form.Item label={t('documents.chooseFile')} extra={t('documents.fileHint')} required>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button icon={<UploadOutlined />} style={{ minHeight: 44 }} onClick={() => picker.current?.click()}>
                {t('documents.chooseFile')}
              </Button>
              <input
                ref={picker}
                type="file"
                accept={ACCEPT}
                hidden
                aria-label={t('documents.chooseFile')}
                data-testid="document-file-input"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setAlert(null);
                }}
              />
              {file && <Typography.Text ellipsis>{file.name}</Typography.Text>}
              {progress !== null && (
                <Progress percent={progress} size="small" status="active" aria-label={t('documents.uploadProgress')} />
              )}
            </Space>
          </Form.Item>
        ) : (
          <Form.Item
            name="body"
            label={t('documents.fields.body')}
            rules={[{ required: true, message: t('documents.required') }]}
          >
            <Input.TextArea rows={8} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('documents.fields.note')}>
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
