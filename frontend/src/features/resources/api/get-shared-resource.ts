import { useQuery } from 'urql';
import { graphql } from '@/gql';

const SharedResourceQuery = graphql(`
  query SharedResource($id: ID!, $from: DateTime, $to: DateTime) {
    sharedResource(id: $id) {
      id
      kind
      name
      description
      capacity
      availability
      rules
      location
      withdrawnAt
      version
      viewerCanManage
      viewerCanRequest
      organization {
        id
        name
        nameEn
      }
      offeredTo {
        id
        name
        nameEn
        timeZone
      }
      bookings(from: $from, to: $to) {
        id
        status
        startsAt
        endsAt
        purpose
        decisionReason
        contributionNote
        version
        viewerCanDecide
        viewerCanMarkUsed
        viewerCanCancel
        requestingOrganization {
          id
          name
          nameEn
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['ResourceBooking'] };

/** One resource with its bookings in [from, to) (a calendar window). */
export function useSharedResource(id: string, from: string, to: string) {
  return useQuery({ query: SharedResourceQuery, variables: { id, from, to }, context });
}
