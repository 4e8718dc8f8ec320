import { FileTextOutlined, StepForwardOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '@/components/markdown';
import { displayName } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useSkipLeadTerm } from '../api/skip-lead-term';
import { termPhase, termRange, type TermPhase } from './term-range';

export interface LeadTermRow {
  id: string;
  startsAt: string;
  endsAt: string;
  isCurrent: boolean;
  handoverReport: string | null;
  organization: { id: string; name: string; nameEn: string | null };
}

const PHASE_COLOR: Record<TermPhase, string> = { past: 'default', current: 'red', future: 'blue' };

/**
 * The lead schedule as one bar per term on a shared time axis: past terms grey, the current one in
 * party red, future ones dashed, with a line for today. Alliance admins can skip a future term.
 */
export function RotationTimeline({
  terms,
  canManage,
  scheduleVersion,
  timeZone,
}: {
  terms: readonly LeadTermRow[];
  canManage: boolean;
  /** `Alliance.leadScheduleVersion` as read; a skip sends it back. */
  scheduleVersion: number;
  /** The alliance's zone: a term's days are dates there. */
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { modal, message } = App.useApp();
  const [, skipLeadTerm] = useSkipLeadTerm();
  const [report, setReport] = useState<LeadTermRow | null>(null);
  const [now] = useState(() => Date.now());

  if (terms.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rotation.empty')} />;

  const ordered = [...terms].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const axisStart = Date.parse(ordered[0]?.startsAt ?? '');
  const axisEnd = Math.max(...ordered.map((term) => Date.parse(term.endsAt)));
  const span = Math.max(axisEnd - axisStart, 1);
  const percent = (time: number) => Math.min(100, Math.max(0, ((time - axisStart) / span) * 100));
  const todayInside = now >= axisStart && now <= axisEnd;

  const confirmSkip = (term: LeadTermRow) => {
    const organization = displayName(term.organization, language);
    void modal.confirm({
      title: t('rotation.skipTitle'),
      content: t('rotation.skipConfirm', { organization, range: termRange(term, t, timeZone) }),
      okText: t('rotation.skip'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await skipLeadTerm({ input: { id: term.id, leadScheduleVersion: scheduleVersion } });
        const userError = result.data?.skipLeadTerm.userErrors[0];
        if (result.error) void message.error(`${t('rotation.failed')}: ${describeError(result.error, t)}`);
        else if (userError) void message.error(`${t('rotation.failed')}: ${describeUserError(userError, t)}`);
        else void message.success(t('rotation.skipped'));
      },
    });
  };

  return (
    <>
      <ol className="rotation-timeline" aria-label={t('rotation.timeline')}>
        {ordered.map((term) => {
          const phase = termPhase(term, now);
          const start = Date.parse(term.startsAt);
          const end = Date.parse(term.endsAt);
          const organization = displayName(term.organization, language);
          return (
            <li
              key={term.id}
              className={`rotation-term rotation-term-${phase}`}
              aria-current={phase === 'current' ? 'true' : undefined}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text className="rotation-term-name" ellipsis={{ tooltip: organization }}>
                  {organization}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {termRange(term, t, timeZone)}
                </Typography.Text>
              </Flex>
              <div className="rotation-track" aria-hidden>
                <div
                  className={`rotation-bar rotation-bar-${phase}`}
                  style={{ insetInlineStart: `${percent(start)}%`, width: `${percent(end) - percent(start)}%` }}
                />
                {todayInside && (
                  <div
                    className="rotation-today"
                    style={{ insetInlineStart: `${percent(now)}%` }}
                    title={t('rotation.today')}
                  />
                )}
              </div>
              <Flex gap={4} align="center" wrap justify="flex-end">
                <Tag color={PHASE_COLOR[phase]} style={{ marginInlineEnd: 0 }}>
                  {t(`rotation.${phase}`)}
                </Tag>
                {term.handoverReport && (
                  <Button
                    size="small"
                    type="text"
                    icon={<FileTextOutlined />}
                    aria-label={`${t('rotation.showReport')}: ${organization}`}
                    title={t('rotation.showReport')}
                    onClick={() => setReport(term)}
                  />
                )}
                {canManage && phase === 'future' && (
                  <Button
                    size="small"
                    type="text"
                    icon={<StepForwardOutlined />}
                    aria-label={t('rotation.skipLabel', { organization })}
                    title={t('rotation.skip')}
                    onClick={() => confirmSkip(term)}
                  />
                )}
              </Flex>
            </li>
          );
        })}
      </ol>
      <Modal
        open={report !== null}
        onCancel={() => setReport(null)}
        footer={null}
        closable={{ 'aria-label': t('common.close') }}
        title={report ? `${t('rotation.handoverReport')} · ${displayName(report.organization, language)}` : ''}
      >
        {report?.handoverReport && <Markdown>{report.handoverReport}</Markdown>}
      </Modal>
    </>
  );
}
