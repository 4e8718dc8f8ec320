import { EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Segmented,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { CheckInKit } from '@/components/check-in-kit';
import { ErrorAlert } from '@/components/error-alert';
import { Markdown } from '@/components/markdown';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime, formatTimeRange } from '@/i18n/format';
import { describeError, describeUserError, hasErrorCode, type UserErrorLike } from '@/lib/graphql/errors';
import { useCancelActivity } from '../api/cancel-activity';
import { useCancelActivitySignUp } from '../api/cancel-activity-sign-up';
import { useCompleteActivity } from '../api/complete-activity';
import { useActivity } from '../api/get-activity';
import { usePublishActivity } from '../api/publish-activity';
import { useSetActivityHeadcounts } from '../api/set-activity-headcounts';
import { useSignUpForActivity } from '../api/sign-up-for-activity';
import { useUnpublishActivity } from '../api/unpublish-activity';
import { useUpdateActivity } from '../api/update-activity';
import { ActivityFormModal } from './activity-form-modal';
import { ActivityPhotos } from './activity-photos';
import { ActivityTags } from './activity-tags';

type Outcome = { error?: CombinedError; userErrors: readonly UserErrorLike[] };
type Answer = { error?: CombinedError; data?: object | null };

type Payload = { userErrors?: readonly UserErrorLike[]; activity?: { version: number } | null } | undefined;

/** The one mutation field of an answer. */
function payloadOf(answer: Answer): Payload {
  return Object.values(answer.data ?? {})[0] as Payload;
}

/** An activity's page: details, organizers, sign-up and check-in, head-counts, the report and its lifecycle. */
export function ActivityView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ data, error, fetching }, reexecute] = useActivity(id);
  const [, signUp] = useSignUpForActivity();
  const [, cancelSignUp] = useCancelActivitySignUp();
  const [, complete] = useCompleteActivity();
  const [, publish] = usePublishActivity();
  const [, unpublish] = useUnpublishActivity();
  const [, cancel] = useCancelActivity();
  const [, update] = useUpdateActivity();
  const [, setHeadcounts] = useSetActivityHeadcounts();
  const [report, setReport] = useState<string | null>(null);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [counts, setCounts] = useState<Record<string, number>>({});
  // The newest version a mutation answered with: the next step sends it even before the page refetches.
  const [savedVersion, setSavedVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const activity = data?.activity;
  useDocumentTitle(activity?.theme ?? t('activities.title'));

  if (fetching && !data) return <Skeleton active />;
  if (error && !activity)
    return <ErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!activity) return <Empty description={t('activities.notFound')} />;

  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const version = Math.max(savedVersion, activity.version);
  const settle = (answer: Answer) => {
    const payload = payloadOf(answer);
    if (payload?.activity) setSavedVersion(payload.activity.version);
    report_({ error: answer.error, userErrors: payload?.userErrors ?? [] });
  };
  const report_ = (outcome: Outcome) => {
    if (outcome.error) {
      void message.error(
        hasErrorCode(outcome.error, 'CONFLICT') ? t('activities.conflict') : describeError(outcome.error, t),
      );
    } else if (outcome.userErrors.length > 0) {
      void message.error(outcome.userErrors.map((e) => describeUserError(e, t)).join(' '));
    }
    refresh();
  };
  const step = async (run: (v: { input: { id: string; version: number } }) => Promise<Answer>) => {
    settle(await run({ input: { id: activity.id, version } }));
  };
  const join = async (run: (v: { input: { activityId: string } }) => Promise<Answer>) => {
    settle(await run({ input: { activityId: activity.id } }));
  };
  const saveReport = async () => {
    settle(await update({ input: { id: activity.id, version, report: report ?? activity.report } }));
    setReport(null);
  };
  const saveCounts = async () => {
    const headcounts = activity.organizers
      .filter((o) => o.organization)
      .map((o) => {
        const orgId = o.organization!.id;
        const current = activity.headcounts.find((h) => h.organization?.id === orgId)?.headCount ?? 0;
        return { organizationId: orgId, headCount: counts[orgId] ?? current };
      });
    settle(await setHeadcounts({ input: { id: activity.id, version, headcounts } }));
  };
  const mine = activity.viewerParticipation;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {activity.theme}
        </Typography.Title>
        <Space wrap>
          <ActivityTags kind={activity.kind} status={activity.status} />
        </Space>
        <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('activities.fields.alliance')}>{activity.alliance.name}</Descriptions.Item>
          <Descriptions.Item label={t('activities.fields.startsAt')}>
            {formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone)}
          </Descriptions.Item>
          {activity.location && (
            <Descriptions.Item label={t('activities.fields.location')}>{activity.location}</Descriptions.Item>
          )}
          {activity.signupClosesAt && (
            <Descriptions.Item label={t('activities.fields.signupClosesAt')}>
              {formatDateTime(activity.signupClosesAt, activity.timeZone)}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('activities.fields.organizers')}>
            {activity.organizers
              .map(
                (o) =>
                  `${o.organization?.name ?? '—'}（${o.isHost ? t('activities.fields.host') : t('activities.fields.coOrganizer')}）`,
              )
              .join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('activities.fields.totals')}>
            {t('activities.totals', activity.totals)}
          </Descriptions.Item>
        </Descriptions>
        {activity.viewerCanManage && (
          <CheckInKit
            title={activity.theme}
            code={activity.checkInCode ?? null}
            url={activity.checkInUrl ?? null}
            qrSvg={activity.checkInQrSvg ?? null}
            qrAlt={t('activities.qrAlt')}
            hint={t('activities.qrHint')}
            fileName={t('activities.qrFileName', { theme: activity.theme })}
          />
        )}
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {activity.viewerCanJoin && activity.status === 'PLANNED' && !mine?.signedUpAt && (
            <Button type="primary" onClick={() => void join(signUp)}>
              {t('activities.actions.signUp')}
            </Button>
          )}
          {activity.viewerCanJoin && mine?.signedUpAt && !mine.checkedInAt && (
            <Button onClick={() => void join(cancelSignUp)}>{t('activities.actions.cancelSignUp')}</Button>
          )}
          {mine?.checkedInAt && (
            <Typography.Text type="success">
              {t('activities.checkedIn', { at: formatDateTime(mine.checkedInAt, activity.timeZone) })}
            </Typography.Text>
          )}
          {activity.viewerCanJoin && activity.status === 'PLANNED' && !mine?.checkedInAt && (
            <Button href={`/activities/${activity.id}/check-in`}>{t('activities.actions.checkIn')}</Button>
          )}
          {activity.viewerCanManage && activity.status !== 'CANCELLED' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('activities.actions.edit')}
            </Button>
          )}
          {activity.viewerCanManage && activity.status === 'PLANNED' && (
            <>
              <Button onClick={() => void step(complete)}>{t('activities.actions.complete')}</Button>
              <Button danger onClick={() => void step(cancel)}>
                {t('activities.actions.cancel')}
              </Button>
            </>
          )}
          {activity.viewerCanManage && activity.status === 'COMPLETED' && (
            <Button type="primary" onClick={() => void step(publish)}>
              {t('activities.actions.publish')}
            </Button>
          )}
          {activity.viewerCanManage && activity.status === 'PUBLISHED' && (
            <Button onClick={() => void step(unpublish)}>{t('activities.actions.unpublish')}</Button>
          )}
        </Flex>
        <ActivityFormModal
          open={editing}
          activity={{ ...activity, version }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refresh();
          }}
        />
      </Card>

      <Card title={t('activities.fields.report')}>
        {activity.viewerCanManage && activity.status !== 'CANCELLED' ? (
          <Flex vertical gap={8}>
            <Segmented
              value={mode}
              onChange={(v) => setMode(v as 'write' | 'preview')}
              options={[
                { value: 'write', label: t('activities.actions.write') },
                { value: 'preview', label: t('activities.actions.preview') },
              ]}
            />
            {mode === 'write' ? (
              <Input.TextArea
                aria-label={t('activities.fields.report')}
                value={report ?? activity.report}
                onChange={(e) => setReport(e.target.value)}
                autoSize={{ minRows: 8 }}
              />
            ) : (
              <Markdown label={t('activities.fields.report')}>{report ?? activity.report}</Markdown>
            )}
            <Button type="primary" onClick={() => void saveReport()} disabled={report === null}>
              {t('activities.actions.saveReport')}
            </Button>
          </Flex>
        ) : activity.report ? (
          <Markdown label={t('activities.fields.report')}>{activity.report}</Markdown>
        ) : (
          <Empty />
        )}
      </Card>

      <ActivityPhotos
        activityId={activity.id}
        canUpload={activity.viewerCanManage || Boolean(activity.viewerParticipation)}
        canEdit={activity.viewerCanManage}
        coverId={activity.cover?.id ?? null}
        timeZone={activity.timeZone}
        onCoverChanged={refresh}
      />

      <Card title={t('activities.fields.headcounts')}>
        <List
          dataSource={activity.organizers.filter((o) => o.organization)}
          renderItem={(o) => {
            const orgId = o.organization!.id;
            const current = activity.headcounts.find((h) => h.organization?.id === orgId)?.headCount ?? 0;
            return (
              <List.Item
                key={orgId}
                extra={
                  activity.viewerCanManage ? (
                    <InputNumber
                      aria-label={o.organization!.name}
                      min={0}
                      max={100000}
                      value={counts[orgId] ?? current}
                      onChange={(v) => setCounts({ ...counts, [orgId]: v ?? 0 })}
                    />
                  ) : (
                    current
                  )
                }
              >
                {o.organization!.name}
              </List.Item>
            );
          }}
        />
        {activity.viewerCanManage && activity.status !== 'CANCELLED' && (
          <Button onClick={() => void saveCounts()}>{t('activities.actions.saveHeadcounts')}</Button>
        )}
      </Card>

      <Card title={t('activities.fields.participants')}>
        {activity.participants.length === 0 ? (
          <Empty />
        ) : (
          <List
            dataSource={activity.participants}
            renderItem={(p) => (
              <List.Item key={p.user?.id}>
                {p.user?.name ?? '—'} {p.organization ? `· ${p.organization.name}` : ''}{' '}
                <Typography.Text type="secondary">
                  {p.checkedInAt
                    ? t('activities.checkedIn', { at: formatDateTime(p.checkedInAt, activity.timeZone) })
                    : t('activities.signedUp')}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
