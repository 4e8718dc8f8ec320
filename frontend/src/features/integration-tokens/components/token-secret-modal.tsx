import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a new token's secret, once: the server keeps only its hash. */
export function TokenSecretModal({
  secret,
  tokenName,
  onClose,
}: {
  secret: string | null;
  tokenName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={t('integrationTokens.secretTitle')}
      onCancel={onClose}
      closable={{ 'aria-label': t('common.close') }}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('integrationTokens.secretSaved')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('integrationTokens.secretWarning')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">
        {t('integrationTokens.secretLabel')} · {tokenName}
      </Typography.Text>
      <Typography.Paragraph
        code
        copyable={{
          text: secret ?? '',
          tooltips: [t('integrationTokens.copy'), t('integrationTokens.copied')],
        }}
        style={{ wordBreak: 'break-all', marginTop: 8, fontSize: 15 }}
        aria-label={t('integrationTokens.secretLabel')}
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
}
