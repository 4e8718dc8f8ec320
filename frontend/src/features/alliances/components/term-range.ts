import type { TFunction } from 'i18next';
import { formatDay, lastDay, type TimeZone } from '@/i18n/format';

/**
 * A lead term's dates in the alliance's zone (a term starts at local midnight); the end is
 * exclusive ([start, end)), so its last day is shown.
 */
export function termRange(term: { startsAt: string; endsAt: string }, t: TFunction, timeZone?: TimeZone): string {
  return t('alliance.termRange', {
    start: formatDay(term.startsAt, timeZone),
    end: lastDay(term.endsAt, timeZone),
  });
}

export type TermPhase = 'past' | 'current' | 'future';

export function termPhase(term: { startsAt: string; endsAt: string; isCurrent: boolean }, now: number): TermPhase {
  if (term.isCurrent) return 'current';
  return Date.parse(term.endsAt) <= now ? 'past' : 'future';
}
