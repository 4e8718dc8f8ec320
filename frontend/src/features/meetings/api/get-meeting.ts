import { useQuery } from 'urql';
import { graphql } from '@/gql';

const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id
      title
      kind
      status
      version
      startsAt
      endsAt
      location
      onlineUrl
      agendaDeadline
      viewerCanManage
      viewerCanApprove
      viewerCanPropose
      checkInCode
      checkInUrl
      checkInQrSvg
      attendanceRate
      hostOrganization {
        id
        name
        nameEn
      }
      alliance {
        id
        name
        nameEn
        timeZone
        members(first: 100) {
          nodes {
            id
            rotationOrder
            organization {
              id
              name
              nameEn
            }
          }
        }
      }
      agendaItems {
        id
        position
        title
        minutesAllotted
        status
        presenterOrganization {
          id
          name
          nameEn
        }
        proposedByOrganization {
          id
          name
          nameEn
        }
      }
      carriedOverActionItems {
        ...ActionItemFields
        meeting {
          id
          title
          startsAt
        }
      }
      attendances {
        id
        rsvp
        checkedInAt
        organization {
          id
          name
          nameEn
        }
        user {
          id
          name
        }
      }
      viewerAttendance {
        id
        rsvp
        checkedInAt
      }
      minutes {
        body
        status
        version
        approvedAt
        updatedAt
        submittedAt
        returnComment
        returnedAt
        approvedBy {
          id
          name
        }
        returnedBy {
          id
          name
        }
      }
      decisions {
        id
        text
      }
      actionItems {
        ...ActionItemFields
      }
    }
  }
`);

// A mutation whose answer holds none of these (e.g. the first decision of a meeting whose result had no
// Decision yet) still refreshes the page.
const context = {
  additionalTypenames: ['Meeting', 'AgendaItem', 'Attendance', 'Minutes', 'Decision', 'ActionItem'],
};

/** Everything the meeting page shows; refetched after any change to the meeting or its parts. */
export function useMeeting(id: string) {
  return useQuery({ query: MeetingQuery, variables: { id }, context });
}
