import { useQuery } from 'urql';
import { graphql } from '@/gql';

const CheckInMeetingQuery = graphql(`
  query CheckInMeeting($id: ID!) {
    meeting(id: $id) {
      id
      title
      startsAt
      endsAt
      location
      status
      isCheckInOpen
      checkInOpensAt
      checkInClosesAt
      alliance {
        id
        timeZone
      }
      viewerAttendance {
        id
        checkedInAt
      }
    }
  }
`);

const context = { additionalTypenames: ['Attendance'] };

/** The little the check-in page needs: what the meeting is and whether the viewer is checked in. */
export function useCheckInMeeting(id: string) {
  return useQuery({ query: CheckInMeetingQuery, variables: { id }, context });
}
