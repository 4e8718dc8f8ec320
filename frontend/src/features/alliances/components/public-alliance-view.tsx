import { Alert, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { SectionTitle } from '@/components/section-title';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { usePublicAlliance } from '../api/get-public-alliance';
import { AllianceProfile } from './alliance-profile';
import { MemberList } from './member-list';

/** A public alliance as anyone sees it: the profile and the member organizations. */
export function PublicAllianceView({ allianceId, loggedIn }: { allianceId: string; loggedIn: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [{ data, error, fetching }, reexecute] = usePublicAlliance(allianceId);
  const alliance = data?.alliance;
  useDocumentTitle(alliance ? displayName(alliance, language) : t('alliances.title'));

  if (fetching && !data) return <Skeleton active />;
  if (error && !alliance) {
    return <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!alliance) return <Empty description={t('alliance.notFound')} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {displayName(alliance, language)}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message={t('alliance.publicNotice')}
        action={loggedIn ? <Link to={`/alliances/${alliance.id}`}>{t('alliance.openFull')}</Link> : undefined}
      />
      <Card title={<SectionTitle>{t('alliance.overview')}</SectionTitle>}>
        <AllianceProfile alliance={alliance} />
      </Card>
      <Card title={<SectionTitle>{t('alliance.members')}</SectionTitle>}>
        <MemberList members={alliance.members.nodes} />
      </Card>
    </Flex>
  );
}
