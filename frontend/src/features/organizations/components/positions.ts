import type { Position } from '@/gql/graphql';

/** Positions in a party branch, in the order they are offered (the secretary first). */
export const POSITIONS: Position[] = [
  'SECRETARY',
  'DEPUTY_SECRETARY',
  'ORGANIZATION_COMMITTEE',
  'PROPAGANDA_COMMITTEE',
  'DISCIPLINE_COMMITTEE',
  'YOUTH_COMMITTEE',
  'MEMBER',
];
