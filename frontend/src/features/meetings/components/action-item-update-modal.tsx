import { Alert, App, Form, Input, Modal, Radio, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItemFieldsFragment, ActionItemStatus } from '@/gql/graphql';
import { formatDateTime } from '@/i18n/format';
import { describeError, hasErrorCode } from '@/lib/graphql/errors';
import { showUserErrors } from '@/lib/graphql/user-errors';
import { useUpdateActionItem } from '../api/update-action-item';
import { ActionItemStatusTag } from './meeting-tags';

const STATUSES: ActionItemStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

interface UpdateValues {
  status: ActionItemStatus;
  note?: string;
}

/** Status and a progress note for one action item, with its notes so far. */
export function ActionItemUpdateModal({
  item,
  onClose,
  onConflict,
}: {
  item: ActionItemFieldsFragment | null;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateValues>();
  const [{ fetching }, updateActionItem] = useUpdateActionItem();
  const [alert, setAlert] = useState<string | null>(null);

  const close = () => {
    setAlert(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: UpdateValues) => {
    if (!item) return;
    setAlert(null);
    const note = values.note?.trim();
    const result = await updateActionItem({
      input: {
        id: item.id,
        version: item.version,
        status: values.status !== item.status ? values.status : null,
        note: note ? note : null,
      },
    });
    if (result.error) {
      if (hasErrorCode(result.error, 'CONFLICT')) {
        setAlert(t('actionItems.conflict'));
        onConflict();
      } else {
        setAlert(describeError(result.error, t));
      }
      return;
    }
    const userErrors = result.data?.updateActionItem.userErrors ?? [];
    if (userErrors.length > 0) {
      const unmatched = showUserErrors(form, userErrors, t, { status: 'status', note: 'note' });
      if (unmatched.length > 0) setAlert(unmatched.join(' '));
      return;
    }
    void message.success(t('actionItems.updated'));
    close();
  };

  return (
    <Modal
      open={item !== null}
      title={t('actionItems.updateTitle')}
      onCancel={close}
      closable={{ 'aria-label': t('common.close') }}
      okText={t('actionItems.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: fetching }}
      destroyOnHidden
    >
      {item && (
        <>
          <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
          {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            disabled={fetching}
            initialValues={{ status: item.status, note: '' }}
            aria-label={t('actionItems.updateTitle')}
            name="updateActionItem"
          >
            <Form.Item name="status" label={t('actionItems.status')}>
              <Radio.Group
                optionType="button"
                options={STATUSES.map((status) => ({ value: status, label: t(`enums.actionItemStatus.${status}`) }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('actionItems.note')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('actionItems.notePlaceholder')} />
            </Form.Item>
          </Form>
          {item.notes.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('actionItems.notes')}
              </Typography.Title>
              <Timeline
                items={item.notes.map((note, index) => ({
                  key: index,
                  children: (
                    <>
                      <div>
                        {note.status && <ActionItemStatusTag status={note.status} />}
                        {note.text}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('actionItems.noteBy', {
                          name: note.author?.name ?? t('common.none'),
                          time: formatDateTime(note.createdAt),
                        })}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            </>
          )}
        </>
      )}
    </Modal>
  );
}
