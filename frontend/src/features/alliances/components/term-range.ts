import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** A lead term's dates; the end is exclusive ([start, end)), so its last day is shown. */
export function termRange(term: { startsAt: string; endsAt: string }, t: TFunction): string {
  return t('alliance.termRange', {
    start: dayjs(term.startsAt).format('LL'),
    end: dayjs(term.endsAt).subtract(1, 'millisecond').format('LL'),
  });
}

export type TermPhase = 'past' | 'current' | 'future';

export function termPhase(term: { startsAt: string; endsAt: string; isCurrent: boolean }, now: number): TermPhase {
  if (term.isCurrent) return 'current';
  return Date.parse(term.endsAt) <= now ? 'past' : 'future';
}
