import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Segmented, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { formatDateTime } from '@/i18n/format';
import { describeError } from '@/lib/graphql/errors';
import { useBackgroundJobCounts, useBackgroundJobs } from '../api/get-background-jobs';
import { useRetryBackgroundJob } from '../api/retry-background-job';

type Job = ReturnType<typeof useBackgroundJobs>['nodes'][number];
type State = Job['state'];

const STATE_COLORS: Record<State, string> = { PENDING: 'blue', RUNNING: 'processing', FAILED: 'red', DONE: 'green' };

/** Platform administration of background jobs: counts per state, failed ones with their error, retry. */
export function BackgroundJobsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<State>('FAILED');
  const [counts, refetchCounts] = useBackgroundJobCounts();
  const jobs = useBackgroundJobs(state);
  const [{ fetching: retrying }, retry] = useRetryBackgroundJob();

  const kindLabel = (kind: string) => t(`backgroundJobs.kinds.${kind}`, { defaultValue: kind });

  const retryJob = async (job: Job) => {
    const result = await retry({ input: { jobId: job.id } });
    if (result.error) {
      void message.error(`${t('backgroundJobs.retryFailed')}: ${describeError(result.error, t)}`);
      return;
    }
    void message.success(t('backgroundJobs.retried'));
    refetchCounts({ requestPolicy: 'network-only' });
  };

  const columns: TableColumnsType<Job> = [
    {
      title: t('backgroundJobs.kind'),
      key: 'kind',
      render: (_, job) => kindLabel(job.kind),
    },
    {
      title: t('backgroundJobs.state'),
      key: 'state',
      render: (_, job) => <Tag color={STATE_COLORS[job.state]}>{t(`backgroundJobs.states.${job.state}`)}</Tag>,
    },
    {
      title: t('backgroundJobs.attempts'),
      key: 'attempts',
      render: (_, job) => `${job.attempts} / ${job.maxAttempts}`,
    },
    {
      title: t('backgroundJobs.lastError'),
      key: 'lastError',
      render: (_, job) =>
        job.lastError ? (
          <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>
            {job.lastError}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    { title: t('backgroundJobs.runAt'), key: 'runAt', render: (_, job) => formatDateTime(job.runAt) },
    { title: t('backgroundJobs.updatedAt'), key: 'updatedAt', render: (_, job) => formatDateTime(job.updatedAt) },
    {
      title: t('adminUsers.actions'),
      key: 'actions',
      render: (_, job) =>
        job.state === 'FAILED' ? (
          <Button
            size="small"
            icon={<RedoOutlined />}
            loading={retrying}
            onClick={() => void retryJob(job)}
            aria-label={t('backgroundJobs.retryFor', { kind: kindLabel(job.kind) })}
          >
            {t('backgroundJobs.retry')}
          </Button>
        ) : null,
    },
  ];

  const count = counts.data?.backgroundJobCounts;
  return (
    <section aria-label={t('backgroundJobs.title')}>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('backgroundJobs.title')}</h2>} style={{ marginTop: 24 }}>
        <Typography.Paragraph type="secondary">{t('backgroundJobs.intro')}</Typography.Paragraph>
        {counts.error && (
          <ErrorAlert error={counts.error} onRetry={() => refetchCounts({ requestPolicy: 'network-only' })} />
        )}
        <Flex gap={32} wrap style={{ marginBottom: 16 }} role="group" aria-label={t('backgroundJobs.counts')}>
          <Statistic title={t('backgroundJobs.states.PENDING')} value={count?.pending ?? '–'} />
          <Statistic title={t('backgroundJobs.states.RUNNING')} value={count?.running ?? '–'} />
          <Statistic
            title={t('backgroundJobs.states.FAILED')}
            value={count?.failed ?? '–'}
            valueStyle={count?.failed ? { color: '#cf1322' } : undefined}
          />
          <Statistic title={t('backgroundJobs.states.DONE')} value={count?.done ?? '–'} />
        </Flex>
        <Segmented<State>
          aria-label={t('backgroundJobs.state')}
          value={state}
          onChange={setState}
          style={{ marginBottom: 12 }}
          options={(['FAILED', 'PENDING', 'RUNNING', 'DONE'] as const).map((value) => ({
            value,
            label: t(`backgroundJobs.states.${value}`),
          }))}
        />
        {jobs.error && <ErrorAlert error={jobs.error} onRetry={jobs.refetch} />}
        <Table
          columns={columns}
          dataSource={jobs.nodes as Job[]}
          rowKey="id"
          loading={jobs.loading}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('backgroundJobs.empty') }}
          aria-label={t('backgroundJobs.title')}
        />
        <LoadMore
          shown={jobs.nodes.length}
          total={jobs.totalCount}
          hasNextPage={jobs.hasNextPage}
          loading={jobs.loadingMore}
          onLoadMore={jobs.loadMore}
        />
      </Card>
    </section>
  );
}
