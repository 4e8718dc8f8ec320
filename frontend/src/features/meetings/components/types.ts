import type { MeetingQuery } from '@/gql/graphql';

/** The meeting as the meeting page reads it. */
export type MeetingDetail = NonNullable<MeetingQuery['meeting']>;
