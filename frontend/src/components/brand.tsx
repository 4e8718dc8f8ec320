import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Brand({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} style={{ display: 'inline-flex', alignItems: 'center' }}>
      <Flex align="center" gap={8}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Typography.Text strong style={{ fontSize: 18, color: 'inherit', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Text>
      </Flex>
    </Link>
  );
}
