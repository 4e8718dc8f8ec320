import CrownOutlined from '@ant-design/icons-svg/es/asn/CrownOutlined';
import dayjs from 'dayjs';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { PlainIcon } from '@/components/plain-icon';
import { PlainErrorAlert } from '@/components/plain-error-alert';
import { displayName, formatDate, formatDateTime, formatRelative, formatTimeRange, lastDay } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useDashboard } from '../api/get-dashboard';
import { DashboardList } from './dashboard-list';
import './dashboard-view.css';

// The dashboard is the first screen after logging in: plain markup and CSS (dashboard-list.css) in the
// look of antd's Card, Tag and Skeleton, so that it loads and renders no antd at all.

/** A card: its title as a real heading (`h2` under the page's `h1`), a link to all on the right. */
function DashboardCard({
  title,
  extra,
  wide,
  children,
}: {
  title: string;
  extra?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={wide ? 'dashboard-card dashboard-card--wide' : 'dashboard-card'}>
      <div className="dashboard-card__head">
        <h2 className="dashboard-card__title">{title}</h2>
        {extra}
      </div>
      <div className="dashboard-card__body">{children}</div>
    </section>
  );
}

/** A small label after an action item's title (its status; overdue in red). */
function DashboardTag({ danger, children }: { danger?: boolean; children: string }) {
  return <span className={danger ? 'dashboard-tag dashboard-tag--danger' : 'dashboard-tag'}>{children}</span>;
}

/** Grey bars where the cards will be, while the first answer loads. */
function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="dashboard-skeleton" role="status">
      <span className="visually-hidden">{t('common.loading')}</span>
      {[38, 100, 100, 61].map((width, index) => (
        <span key={index} className="dashboard-skeleton__bar" style={{ width: `${width}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

/** Home: current lead of each of the viewer's alliances, upcoming meetings, open action items. */
export function DashboardView({ viewerName }: { viewerName: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [from] = useState(() => dayjs().startOf('day').toISOString());
  const [{ data: latest, error }, reexecute] = useDashboard(from);
  // The lists render in a background pass that yields to input every few milliseconds: on a phone the
  // whole dashboard at once was one long task.
  const data = useDeferredValue(latest);

  // The skeleton stays until that pass has the answer: the urgent render in between (the answer there,
  // its deferred copy not yet) showed every card's "nothing here" for a frame, one more commit and layout.
  if (!data && !error) {
    return (
      <>
        <PageHeader title={t('dashboard.welcome', { name: viewerName })} />
        <DashboardSkeleton />
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
      {error && <PlainErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <div className="dashboard-grid">
        <DashboardCard title={t('dashboard.leads')} wide>
          <DashboardList
            items={alliances}
            empty={t('dashboard.noAlliances')}
            render={(alliance) => ({
              icon: <PlainIcon icon={CrownOutlined} className="dashboard-crown" />,
              title: <Link to={`/alliances/${alliance.id}`}>{displayName(alliance, language)}</Link>,
              description: alliance.currentLead ? (
                <>
                  <strong className="dashboard-lead">{displayName(alliance.currentLead.organization, language)}</strong>{' '}
                  {t('dashboard.leadUntil', { date: lastDay(alliance.currentLead.endsAt, alliance.timeZone) })}
                </>
              ) : (
                t('dashboard.noLead')
              ),
            })}
          />
        </DashboardCard>
        <DashboardCard
          title={t('dashboard.upcoming')}
          extra={
            <Link className="dashboard-card__extra" to="/meetings?view=list">
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          <DashboardList
            items={meetings}
            empty={t('dashboard.noUpcoming')}
            render={(meeting) => ({
              title: <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>,
              description: `${formatRelative(meeting.startsAt, new Date(), meeting.alliance.timeZone)} · ${formatTimeRange(meeting.startsAt, meeting.endsAt, meeting.alliance.timeZone)} · ${displayName(meeting.alliance, language)}`,
            })}
          />
        </DashboardCard>
        <DashboardCard
          title={t('dashboard.openActionItems')}
          extra={
            <Link className="dashboard-card__extra" to="/action-items">
              {t('dashboard.viewAll')}
            </Link>
          }
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
                  <DashboardTag>{t(`enums.actionItemStatus.${item.status}`)}</DashboardTag>
                  {item.isOverdue && <DashboardTag danger>{t('actionItems.overdue')}</DashboardTag>}
                </>
              ),
              description: item.dueOn
                ? t('actionItems.dueOnValue', { date: formatDate(item.dueOn) })
                : t('actionItems.noDue'),
            })}
          />
        </DashboardCard>
        <DashboardCard
          title={t('dashboard.recentActivities')}
          extra={
            <Link className="dashboard-card__extra" to="/activities">
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          <DashboardList
            items={activities}
            empty={t('dashboard.noActivities')}
            render={(activity) => ({
              title: <Link to={`/activities/${activity.id}`}>{activity.theme}</Link>,
              description: `${formatDateTime(activity.startsAt, activity.alliance.timeZone)} · ${displayName(activity.alliance, language)}`,
            })}
          />
        </DashboardCard>
        <DashboardCard
          title={t('dashboard.expiringAgreements')}
          extra={
            <Link className="dashboard-card__extra" to="/agreements">
              {t('dashboard.viewAll')}
            </Link>
          }
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
        </DashboardCard>
      </div>
    </>
  );
}
