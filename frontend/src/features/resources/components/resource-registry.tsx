import { Button, Card, Col, Empty, Flex, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { LoadMore } from '@/components/load-more';
import { PageHeader } from '@/components/page-header';
import type { ResourceKind } from '@/gql/graphql';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useResourceAlliances } from '../api/get-resource-alliances';
import { useOfferingOrganizations } from '../api/get-offering-organizations';
import { useSharedResources } from '../api/get-shared-resources';
import { OfferResourceModal } from './offer-resource-modal';
import { ResourceKindTag } from './resource-kind-tag';

const KINDS: ResourceKind[] = ['VENUE', 'EDUCATION_BASE', 'COURSE', 'EXPERT', 'VOLUNTEER_TEAM', 'MATERIALS'];

/** The registry: cards with kind tags, filtered by alliance and kind. */
export function ResourceRegistry() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [allianceId, setAllianceId] = useState<string | undefined>();
  const [kind, setKind] = useState<ResourceKind | undefined>();
  const [alliances] = useResourceAlliances();
  const resources = useSharedResources(allianceId, kind);
  const offering = useOfferingOrganizations();
  const [offerOpen, setOfferOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('resources.title')}
        extra={
          offering.organizations.length > 0 && (
            <Button type="primary" onClick={() => setOfferOpen(true)}>
              {t('resources.offer')}
            </Button>
          )
        }
      />
      <OfferResourceModal
        open={offerOpen}
        organizations={offering.organizations}
        onClose={() => setOfferOpen(false)}
        onDone={(id) => {
          setOfferOpen(false);
          void navigate(`/resources/${encodeURIComponent(id)}`);
        }}
      />
      <Typography.Paragraph type="secondary">{t('resources.registryHint')}</Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('resources.alliance')}
          allowClear
          style={{ minWidth: 220, maxWidth: '100%' }}
          placeholder={t('resources.allAlliances')}
          value={allianceId}
          onChange={setAllianceId}
          options={(alliances.data?.alliances.nodes ?? []).map((a) => ({
            value: a.id,
            label: displayName(a, language),
          }))}
        />
        <Select
          aria-label={t('resources.kind')}
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('resources.allKinds')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))}
        />
      </Flex>
      {resources.error && <ErrorAlert error={resources.error} onRetry={resources.refetch} />}
      {!resources.loading && resources.nodes.length === 0 && !resources.error && (
        <Empty description={t('resources.empty')} />
      )}
      <Row gutter={[16, 16]}>
        {resources.nodes.map((resource) => (
          <Col key={resource.id} xs={24} sm={12} lg={8}>
            <Card
              title={<Link to={`/resources/${encodeURIComponent(resource.id)}`}>{resource.name}</Link>}
              extra={<ResourceKindTag kind={resource.kind} />}
              size="small"
            >
              <Space direction="vertical" size={4}>
                <Typography.Text type="secondary">
                  {t('resources.offeredBy')}: {displayName(resource.organization, language)}
                </Typography.Text>
                {resource.location && (
                  <Typography.Text>
                    {t('resources.location')}: {resource.location}
                  </Typography.Text>
                )}
                {resource.capacity != null && (
                  <Typography.Text>
                    {t('resources.capacity')}: {t('resources.capacityValue', { count: resource.capacity })}
                  </Typography.Text>
                )}
                {resource.availability && (
                  <Typography.Text>
                    {t('resources.availability')}: {resource.availability}
                  </Typography.Text>
                )}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <LoadMore
        shown={resources.nodes.length}
        total={resources.totalCount}
        hasNextPage={resources.hasNextPage}
        loading={resources.loadingMore}
        onLoadMore={resources.loadMore}
      />
    </>
  );
}
