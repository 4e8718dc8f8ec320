import { CrownOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { PageHeader } from '@/components/page-header';
import { SectionTitle } from '@/components/section-title';
import { displayName, formatDate, formatDateTime, formatRelative, formatTimeRange, lastDay } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useDashboard } from '../api/get-dashboard';
import { DashboardList } from './dashboard-list';

/** Home: current lead of each of the viewer's alliances, upcoming meetings, open action items. */
export function DashboardView({ viewerName }: { viewerName: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [from] = useState(() => dayjs().startOf('day').toISOString());
  const [{ data: latest, error, fetching }, reexecute] = useDashboard(from);
  // The lists render in a background pass that yields to input every few milliseconds: on a phone the
  // whole dashboard at once was one long task.
  const data = useDeferredValue(latest);

  if (fetching && !data) {
    return (
      <>
        <PageHeader title={t('dashboard.welcome', { name: viewerName })} />
        <Skeleton active />
      </>
    );
  }

  const alliances = (data?.alliances.nodes ?? []).filter((alliance) => alliance.viewerRoles.length > 0);
  const meetings = data?.meetings.nodes ?? [];
  const actionItems = data?.myActionItems.nodes ?? [];
  const activities = data?.activities.nodes ?? [];
  const expiring = data?.agreementsNearingExpiry.nodes ?? [];

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: viewerName })} />
      {error && <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={<SectionTitle>{t('dashboard.leads')}</SectionTitle>}>
            <DashboardList
              items={alliances}
              empty={t('dashboard.noAlliances')}
              render={(alliance) => ({
                icon: <CrownOutlined style={{ color: '#c8161d', fontSize: 20 }} aria-hidden />,
                title: <Link to={`/alliances/${alliance.id}`}>{displayName(alliance, language)}</Link>,
                description: alliance.currentLead ? (
                  <>
                    <Typography.Text strong style={{ color: '#c8161d' }}>
                      {displayName(alliance.currentLead.organization, language)}
                    </Typography.Text>{' '}
                    {t('dashboard.leadUntil', { date: lastDay(alliance.currentLead.endsAt, alliance.timeZone) })}
                  </>
                ) : (
                  t('dashboard.noLead')
                ),
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<SectionTitle>{t('dashboard.upcoming')}</SectionTitle>}
            extra={<Link to="/meetings?view=list">{t('dashboard.viewAll')}</Link>}
          >
            <DashboardList
              items={meetings}
              empty={t('dashboard.noUpcoming')}
              render={(meeting) => ({
                title: <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>,
                description: `${formatRelative(meeting.startsAt, new Date(), meeting.alliance.timeZone)} · ${formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.alliance.timeZone)} · ${displayName(meeting.alliance, language)}`,
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<SectionTitle>{t('dashboard.openActionItems')}</SectionTitle>}
            extra={<Link to="/action-items">{t('dashboard.viewAll')}</Link>}
          >
            <DashboardList
              items={actionItems}
              empty={t('dashboard.noOpenActionItems')}
              render={(item) => ({
                title: (
                  <>
                    <Link to={`/meetings/${item.meeting.id}#action-items`} style={{ marginInlineEnd: 8 }}>
                      {item.title}
                    </Link>
                    <Tag>{t(`enums.actionItemStatus.${item.status}`)}</Tag>
                    {item.isOverdue && <Tag color="red">{t('actionItems.overdue')}</Tag>}
                  </>
                ),
                description: item.dueOn
                  ? t('actionItems.dueOnValue', { date: formatDate(item.dueOn) })
                  : t('actionItems.noDue'),
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<SectionTitle>{t('dashboard.recentActivities')}</SectionTitle>}
            extra={<Link to="/activities">{t('dashboard.viewAll')}</Link>}
          >
            <DashboardList
              items={activities}
              empty={t('dashboard.noActivities')}
              render={(activity) => ({
                title: <Link to={`/activities/${activity.id}`}>{activity.theme}</Link>,
                description: `${formatDateTime(activity.startsAt, activity.alliance.timeZone)} · ${displayName(activity.alliance, language)}`,
              })}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<SectionTitle>{t('dashboard.expiringAgreements')}</SectionTitle>}
            extra={<Link to="/agreements">{t('dashboard.viewAll')}</Link>}
          >
            <DashboardList
              items={expiring}
              empty={t('dashboard.noExpiringAgreements')}
              render={(agreement) => ({
                title: <Link to={`/agreements/${agreement.id}`}>{agreement.title}</Link>,
                description: t('dashboard.agreementEnds', {
                  date: formatDate(agreement.validUntil),
                  days: agreement.expiresInDays ?? 0,
                }),
              })}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
