import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Footer of a cursor-paginated list: how much is shown, and a button for the next page. */
export function LoadMore({
  shown,
  total,
  hasNextPage,
  loading,
  onLoadMore,
}: {
  shown: number;
  total: number;
  hasNextPage: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('common.showing', { shown, total })}</Typography.Text>
      {(hasNextPage || loading) && (
        <Button onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
