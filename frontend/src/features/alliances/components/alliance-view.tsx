import { ArrowLeftOutlined, CrownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Markdown } from '@/components/markdown';
import { SectionTitle } from '@/components/section-title';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { displayName, formatTimeRange } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { useAlliance } from '../api/get-alliance';
import { AddMemberModal } from './add-member-modal';
import { AllianceFormModal } from './alliance-form-modal';
import { AllianceProfile } from './alliance-profile';
import { GrantRoleCard } from './grant-role-card';
import { HandoverReportForm } from './handover-report-form';
import { MemberList, type AllianceMember } from './member-list';
import { RemoveMemberModal } from './remove-member-modal';
import { RoleGrantList } from './role-grant-list';
import { RotationAdmin } from './rotation-admin';
import { RotationTimeline } from './rotation-timeline';
import { termRange } from './term-range';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/alliances">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('alliance.backToList')}
      </Button>
    </Link>
  );
}

/** An alliance: profile, current lead, rotation timeline and tools, members, next meetings, working rules. */
export function AllianceView({ allianceId, isPlatformAdmin }: { allianceId: string; isPlatformAdmin: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [meetingsFrom] = useState(() => dayjs().startOf('day').toISOString());
  const [{ data, error, fetching }, reexecute] = useAlliance(allianceId, meetingsFrom);
  const alliance = data?.alliance;
  const [dialog, setDialog] = useState<'edit' | 'add' | null>(null);
  const [removing, setRemoving] = useState<AllianceMember | null>(null);
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  useDocumentTitle(alliance ? displayName(alliance, language) : t('alliances.title'));

  if (fetching && !data) {
    return (
      <>
        <BackLink />
        <Skeleton active />
      </>
    );
  }
  if (error && !alliance) {
    return (
      <>
        <BackLink />
        <ErrorAlert error={error} onRetry={refetch} />
      </>
    );
  }
  if (!alliance) {
    return (
      <>
        <BackLink />
        <Empty description={t('alliance.notFound')} />
      </>
    );
  }

  const roles = alliance.viewerRoles;
  // Alliance admins and platform admins manage the profile, the members and the rotation.
  const canManage = isPlatformAdmin || roles.includes('ALLIANCE_ADMIN');
  const canManageRotation = canManage;
  const isLeadConvener = roles.includes('LEAD_CONVENER');
  const lead = alliance.currentLead;
  const meetings = alliance.meetings.nodes;

  return (
    <>
      <BackLink />
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {displayName(alliance, language)}
        </Typography.Title>
        {roles.length > 0 && (
          <Flex wrap gap={4}>
            {roles.map((role) => (
              <Tag key={role} color="volcano">
                {t(`enums.allianceRole.${role}`)}
              </Tag>
            ))}
          </Flex>
        )}
        {(roles.length > 0 || isPlatformAdmin) && (
          <Space wrap>
            <Link to={`/alliances/${encodeURIComponent(alliance.id)}/agreements`}>{t('agreements.nav')}</Link>
            <Link to={`/alliances/${encodeURIComponent(alliance.id)}/documents`}>{t('documents.nav')}</Link>
            {alliance.currentWorkingRules?.file?.url ? (
              <a href={alliance.currentWorkingRules.file.url} target="_blank" rel="noopener">
                {t('documents.currentWorkingRules')}
              </a>
            ) : (
              <Link to={`/alliances/${encodeURIComponent(alliance.id)}/documents#working-rules`}>
                {t('documents.currentWorkingRules')}
              </Link>
            )}
          </Space>
        )}
        {canManage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('allianceForm.edit')}
            </Button>
          </Space>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card
            className="current-lead-card"
            styles={{ body: { borderInlineStart: '4px solid #c8161d' } }}
            aria-label={t('alliance.currentLead')}
          >
            <Flex align="center" gap={12} wrap>
              <CrownOutlined style={{ fontSize: 28, color: '#c8161d' }} aria-hidden />
              <Flex vertical>
                <Typography.Text type="secondary">{t('alliance.currentLead')}</Typography.Text>
                {lead ? (
                  <>
                    <Typography.Text strong style={{ fontSize: 20, color: '#c8161d' }}>
                      {displayName(lead.organization, language)}
                    </Typography.Text>
                    <Typography.Text type="secondary">{termRange(lead, t, alliance.timeZone)}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text>{t('alliance.noCurrentLead')}</Typography.Text>
                )}
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={<SectionTitle>{t('alliance.overview')}</SectionTitle>}>
            <AllianceProfile alliance={alliance} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={<SectionTitle>{t('rotation.title')}</SectionTitle>}
            extra={
              canManageRotation ? (
                <RotationAdmin
                  allianceId={alliance.id}
                  scheduleVersion={alliance.leadScheduleVersion}
                  memberCount={alliance.members.totalCount}
                  terms={alliance.leadTerms}
                  timeZone={alliance.timeZone}
                />
              ) : undefined
            }
          >
            <Typography.Paragraph type="secondary">{t('rotation.intro')}</Typography.Paragraph>
            <RotationTimeline
              terms={alliance.leadTerms}
              canManage={canManageRotation}
              scheduleVersion={alliance.leadScheduleVersion}
              timeZone={alliance.timeZone}
            />
          </Card>
        </Col>
        {isLeadConvener && lead && (
          <Col xs={24}>
            <Card title={<SectionTitle>{t('rotation.handoverTitle')}</SectionTitle>}>
              <HandoverReportForm key={lead.id} termId={lead.id} report={lead.handoverReport} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card
            title={<SectionTitle>{t('alliance.members')}</SectionTitle>}
            extra={
              canManage ? (
                <Button icon={<PlusOutlined />} onClick={() => setDialog('add')}>
                  {t('allianceMembers.add')}
                </Button>
              ) : undefined
            }
          >
            <MemberList
              members={alliance.members.nodes}
              currentLeadOrganizationId={lead?.organization.id}
              linkOrganizations
              onRemove={canManage ? setRemoving : undefined}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={<SectionTitle>{t('alliance.upcomingMeetings')}</SectionTitle>}
            extra={
              <Link to={`/meetings?view=list&alliance=${encodeURIComponent(alliance.id)}`}>
                {t('alliance.allMeetings')}
              </Link>
            }
          >
            <List
              dataSource={meetings}
              rowKey="id"
              locale={{ emptyText: t('alliance.noUpcomingMeetings') }}
              renderItem={(meeting) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>}
                    description={formatTimeRange(meeting.startsAt, meeting.endsAt, alliance.timeZone)}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {isPlatformAdmin && (
          <Col xs={24} lg={12}>
            <GrantRoleCard allianceId={alliance.id} />
          </Col>
        )}
        {canManage && (
          <Col xs={24} lg={isPlatformAdmin ? 12 : 24}>
            <RoleGrantList allianceId={alliance.id} canRevoke={isPlatformAdmin} />
          </Col>
        )}
        <Col xs={24}>
          <Card title={<SectionTitle>{t('alliance.workingRules')}</SectionTitle>}>
            {alliance.workingRules?.trim() ? (
              <Markdown label={t('alliance.workingRules')}>{alliance.workingRules}</Markdown>
            ) : (
              <Typography.Text type="secondary">{t('alliance.noWorkingRules')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {dialog === 'edit' && (
        <AllianceFormModal alliance={alliance} onReload={refetch} onClose={() => setDialog(null)} />
      )}
      {dialog === 'add' && (
        <AddMemberModal
          allianceId={alliance.id}
          memberOrganizationIds={alliance.members.nodes.map((member) => member.organization.id)}
          onClose={() => setDialog(null)}
        />
      )}
      {removing && <RemoveMemberModal allianceId={alliance.id} member={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}
