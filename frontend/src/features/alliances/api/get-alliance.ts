import { useQuery } from 'urql';
import { graphql } from '@/gql';

const AllianceQuery = graphql(`
  query Alliance($id: ID!, $meetingsFrom: DateTime) {
    alliance(id: $id) {
      id
      name
      nameEn
      kind
      status
      foundedOn
      supervisingBody
      instructor
      rotationPeriod
      visibility
      workingRules
      currentWorkingRules {
        id
        file {
          name
          url
        }
      }
      agendaDeadlineDays
      timeZone
      version
      leadScheduleVersion
      viewerRoles
      members(first: 100) {
        totalCount
        nodes {
          id
          joinedOn
          leftOn
          rotationOrder
          organization {
            id
            name
            nameEn
            kind
          }
        }
      }
      currentLead {
        id
        startsAt
        endsAt
        handoverReport
        isCurrent
        version
        organization {
          id
          name
          nameEn
        }
      }
      leadTerms {
        id
        startsAt
        endsAt
        handoverReport
        isCurrent
        version
        organization {
          id
          name
          nameEn
        }
      }
      meetings(first: 5, from: $meetingsFrom) {
        totalCount
        nodes {
          id
          title
          kind
          status
          startsAt
          endsAt
        }
      }
    }
  }
`);

// Generating a schedule into an empty one, or adding the first member, still refreshes the page.
const context = { additionalTypenames: ['LeadTerm', 'Meeting', 'AllianceMembership'] };

/** The alliance page: profile, members in rotation order, the lead schedule and the next meetings. */
export function useAlliance(id: string, meetingsFrom: string) {
  return useQuery({ query: AllianceQuery, variables: { id, meetingsFrom }, context });
}
