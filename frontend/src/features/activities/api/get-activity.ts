import { useQuery } from 'urql';
import { graphql } from '@/gql';

const ActivityQuery = graphql(`
  query Activity($id: ID!) {
    activity(id: $id) {
      id
      version
      theme
      kind
      status
      startsAt
      endsAt
      timeZone
      location
      signupClosesAt
      capacity
      summary
      report
      outcomes
      publishedAt
      checkInCode
      checkInUrl
      checkInQrSvg
      commitmentId
      viewerCanManage
      cover {
        id
      }
      viewerCanJoin
      alliance {
        id
        name
      }
      organizers {
        isHost
        organization {
          id
          name
        }
      }
      headcounts {
        headCount
        organization {
          id
          name
        }
      }
      participants {
        signedUpAt
        checkedInAt
        user {
          id
          name
        }
        organization {
          id
          name
        }
      }
      totals {
        signedUp
        checkedIn
        headCount
        participants
      }
      viewerParticipation {
        signedUpAt
        checkedInAt
      }
    }
  }
`);

/** One activity with its organizers, head-counts, participants and the viewer's rights. */
export function useActivity(id: string) {
  return useQuery({ query: ActivityQuery, variables: { id } });
}
