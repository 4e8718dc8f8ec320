import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { CreateIntegrationTokenModal, type CreatedToken } from './create-integration-token-modal';
import { IntegrationTokenList } from './integration-token-list';
import { TokenSecretModal } from './token-secret-modal';

export function IntegrationTokensView({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <>
      <PageHeader
        title={t('integrationTokens.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('integrationTokens.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('integrationTokens.intro')}</Typography.Paragraph>
      <IntegrationTokenList />
      <CreateIntegrationTokenModal
        open={creating}
        isPlatformAdmin={isPlatformAdmin}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <TokenSecretModal
        secret={created?.secret ?? null}
        tokenName={created?.name ?? ''}
        onClose={() => setCreated(null)}
      />
    </>
  );
}
