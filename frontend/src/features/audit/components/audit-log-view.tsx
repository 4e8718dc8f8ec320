import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import { displayName, formatDateTime } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useAuditAccess } from '../api/get-audit-access';
import { useAuditEntries, type AuditFilters } from '../api/get-audit-entries';

type AuditEntry = ReturnType<typeof useAuditEntries>['nodes'][number];

const ENTITY_TYPES = [
  'alliance',
  'meeting',
  'action_item',
  'lead_term',
  'organization',
  'user',
  'session',
  'integration_token',
  'invitation',
  'calendar_feed',
] as const;

const EMPTY: AuditFilters = {
  actorId: null,
  allianceId: null,
  entityType: null,
  action: null,
  from: null,
  to: null,
};

/** The audit log: who did what, when, with filters; newest first. */
export function AuditLogView({ isPlatformAdmin }: { isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const access = useAuditAccess(isPlatformAdmin);
  const entries = useAuditEntries(filters);
  // People seen in the log so far are offered as actors.
  const [actors, setActors] = useState<Map<string, string>>(new Map());
  const seenActors = useMemo(() => {
    const next = new Map(actors);
    for (const entry of entries.nodes) if (entry.actor) next.set(entry.actor.id, entry.actor.name);
    return next;
  }, [actors, entries.nodes]);

  const set = (patch: Partial<AuditFilters>) => {
    setActors(seenActors);
    setFilters((current) => ({ ...current, ...patch }));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), key: 'at', render: (_, entry) => formatDateTime(entry.at) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, entry) =>
        entry.actor?.name ??
        (entry.actorTokenPrefix ? t('audit.token', { prefix: entry.actorTokenPrefix }) : t('audit.system')),
    },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_, entry) => <Typography.Text code>{entry.action}</Typography.Text>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, entry) => t(`audit.entityTypes.${entry.entityType}`, { defaultValue: entry.entityType }),
    },
    {
      title: t('audit.alliance'),
      key: 'alliance',
      render: (_, entry) => (entry.alliance ? displayName(entry.alliance, language) : t('common.none')),
    },
    {
      title: t('audit.changes'),
      key: 'changes',
      render: (_, entry) => (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {JSON.stringify(entry.changes)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={entries.refetch}>
            {t('audit.refresh')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        {isPlatformAdmin ? t('audit.introPlatform') : t('audit.introAlliance')}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('audit.filters')}>
        <Select
          allowClear
          aria-label={t('audit.actor')}
          placeholder={t('audit.actor')}
          style={{ minWidth: 160 }}
          value={filters.actorId}
          onChange={(actorId: string | undefined) => set({ actorId: actorId ?? null })}
          options={[...seenActors].map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          aria-label={t('audit.alliance')}
          placeholder={t('audit.alliance')}
          style={{ minWidth: 200 }}
          value={filters.allianceId}
          onChange={(allianceId: string | undefined) => set({ allianceId: allianceId ?? null })}
          options={access.alliances.map((alliance) => ({
            value: alliance.id,
            label: displayName(alliance, language),
          }))}
        />
        <Select
          allowClear
          aria-label={t('audit.entity')}
          placeholder={t('audit.entity')}
          style={{ minWidth: 140 }}
          value={filters.entityType}
          onChange={(entityType: string | undefined) => set({ entityType: entityType ?? null })}
          options={ENTITY_TYPES.map((value) => ({ value, label: t(`audit.entityTypes.${value}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          style={{ maxWidth: 240 }}
          onSearch={(action) => set({ action: action.trim() || null })}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.timeRange')}
          value={range}
          allowEmpty={[true, true]}
          onChange={(value) => {
            setRange(value);
            set({
              from: value?.[0]?.startOf('day').toISOString() ?? null,
              to: value?.[1]?.endOf('day').toISOString() ?? null,
            });
          }}
        />
      </Flex>
      {entries.error && <ErrorAlert error={entries.error} onRetry={entries.refetch} />}
      <Table
        columns={columns}
        dataSource={entries.nodes as AuditEntry[]}
        rowKey="id"
        loading={entries.loading}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('audit.empty') }}
        aria-label={t('audit.title')}
      />
      <LoadMore
        shown={entries.nodes.length}
        total={entries.totalCount}
        hasNextPage={entries.hasNextPage}
        loading={entries.loadingMore}
        onLoadMore={entries.loadMore}
      />
    </>
  );
}
