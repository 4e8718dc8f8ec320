import { useQuery } from 'urql';
import { graphql } from '@/gql';

const DashboardQuery = graphql(`
  query Dashboard($from: DateTime) {
    alliances(first: 50, mine: true) {
      nodes {
        id
        name
        nameEn
        timeZone
        viewerRoles
        currentLead {
          id
          endsAt
          organization {
            id
            name
            nameEn
          }
        }
      }
    }
    meetings(first: 5, from: $from) {
      totalCount
      nodes {
        id
        title
        status
        startsAt
        endsAt
        alliance {
          id
          name
          nameEn
          timeZone
        }
      }
    }
    activities(first: 5) {
      nodes {
        id
        theme
        status
        startsAt
        alliance {
          id
          name
          nameEn
          timeZone
        }
      }
    }
    agreementsNearingExpiry(first: 5) {
      nodes {
        id
        title
        validUntil
        expiresInDays
      }
    }
    myActionItems(first: 5) {
      totalCount
      nodes {
        id
        title
        status
        isOverdue
        dueOn
        meeting {
          id
          title
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['Meeting', 'ActionItem', 'LeadTerm', 'Activity', 'Agreement'] };

/** The home page at a glance: who leads each alliance, the next meetings, open action items, recent activities and agreements to renew. */
export function useDashboard(from: string) {
  return useQuery({ query: DashboardQuery, variables: { from }, context });
}
