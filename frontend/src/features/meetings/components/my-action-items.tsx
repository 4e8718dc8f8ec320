import { Switch, Typography, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { useRefetchOnFocus } from '@/hooks/use-refetch-on-focus';
import { useMyActionItems } from '../api/get-my-action-items';
import { ActionItemList } from './action-item-list';

/** 我的任务: action items of the viewer and of the organizations they administer, with progress updates. */
export function MyActionItems() {
  const { t } = useTranslation();
  const [includeDone, setIncludeDone] = useState(false);
  const items = useMyActionItems(includeDone);
  useRefetchOnFocus(items.refetch);

  return (
    <>
      <PageHeader
        title={t('actionItems.myTitle')}
        extra={
          <Flex align="center" gap={8}>
            <Switch id="include-done" checked={includeDone} onChange={setIncludeDone} />
            <label htmlFor="include-done">{t('actionItems.includeDone')}</label>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('actionItems.myIntro')}</Typography.Paragraph>
      {items.error && <ErrorAlert error={items.error} onRetry={items.refetch} />}
      <ActionItemList
        label={t('actionItems.myTitle')}
        items={items.nodes}
        loading={items.loading}
        emptyText={t('actionItems.myEmpty')}
        showMeeting
        onConflict={items.refetch}
      />
      <LoadMore
        shown={items.nodes.length}
        total={items.totalCount}
        hasNextPage={items.hasNextPage}
        loading={items.loadingMore}
        onLoadMore={items.loadMore}
      />
    </>
  );
}
